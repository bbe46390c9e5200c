package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitStrategyCliTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void init_ecsNative_writesAValidNativeSetup_withoutCodeDeploy() throws Exception {
    Path file = dir.resolve("demo.json");
    assertEquals(0, run("init", "demo", "--strategy", "ecs-native", "--out", file.toString()), err.toString());
    assertTrue(err.toString().contains("strategy ecs-native"), err.toString());
    assertFalse(err.toString().contains("warning"), err.toString());
    String json = Files.readString(file);
    assertTrue(json.contains("\"strategy\" : \"ecs-native\""), json);
    var spec = SpecJson.load(file);
    assertEquals(Strategy.ECS_NATIVE, spec.strategy());
    assertNull(spec.codeDeploy());
    assertNull(spec.roles().codeDeploy());
    assertEquals(EcsNative.Shift.BLUE_GREEN, spec.ecsNative().shift());
    assertEquals(15, spec.ecsNative().bakeTimeMinutes());
    assertEquals(30, spec.ecsNative().pauseTimeoutMinutes());
    assertEquals("demo-ecs-infrastructure", spec.ecsNative().infrastructureRole().name());
    assertEquals(0, run("validate", file.toString()), err.toString());
    assertTrue(err.toString().contains("valid (setup 'demo'"), err.toString());
  }

  @Test
  void init_withoutStrategy_staysCodeDeploy_andLeavesTheStrategyOutOfTheFile() throws Exception {
    Path file = dir.resolve("demo.json");
    assertEquals(0, run("init", "demo", "--out", file.toString()), err.toString());
    String json = Files.readString(file);
    assertFalse(json.contains("strategy"), json);
    assertFalse(json.contains("ecsNative"), json);
    assertTrue(json.contains("\"codeDeploy\""), json);
    assertTrue(err.toString().contains("strategy codedeploy"), err.toString());
  }

  @Test
  void init_unknownStrategy_isAUsageErrorNamingTheOptionTheValueAndTheChoices() {
    assertEquals(2, run("init", "demo", "--strategy", "rolling", "--out", dir.resolve("x.json").toString()));
    String text = err.toString();
    assertTrue(text.contains("--strategy"), text);
    assertTrue(text.contains("'rolling' is not a strategy; use codedeploy or ecs-native"), text);
    assertFalse(Files.exists(dir.resolve("x.json")));
  }

  @Test
  void validate_nativeSetupOutlastingTheDeployAction_warnsButPasses() throws Exception {
    Path file = dir.resolve("demo.json");
    run("init", "demo", "--strategy", "ecs-native", "--out", file.toString());
    Files.writeString(file, Files.readString(file).replace("\"bakeTimeMinutes\" : 15", "\"bakeTimeMinutes\" : 45"));
    assertEquals(0, run("validate", file.toString()), err.toString());
    assertTrue(err.toString().contains("warning: Deploy action timeout (minutes) (ecsNative.deploymentTimeoutMinutes):"
        + " a deployment can take 75 minutes"), err.toString());
  }

  @Test
  void validate_nativeSetupWithStepsOnBlueGreen_isRefusedNamingFieldValueAndWhatIsAccepted() throws Exception {
    Path file = dir.resolve("demo.json");
    run("init", "demo", "--strategy", "ecs-native", "--out", file.toString());
    Files.writeString(file, Files.readString(file)
        .replace("\"shift\" : \"BLUE_GREEN\"", "\"shift\" : \"BLUE_GREEN\", \"stepPercent\" : 10")
        .replace("\"deploymentTimeoutMinutes\" : 60", "\"deploymentTimeoutMinutes\" : 90"));
    assertEquals(1, run("validate", file.toString()));
    String text = err.toString();
    assertTrue(text.contains("error: Traffic per step (%) (ecsNative.stepPercent): 10 is set, but BLUE_GREEN moves"
        + " all traffic at once; it is only for LINEAR and CANARY"), text);
    assertTrue(text.contains("error: Deploy action timeout (minutes) (ecsNative.deploymentTimeoutMinutes): 90 is not"
        + " a deploy action timeout; the Amazon ECS action accepts 1 to 60 minutes."), text);
  }
}
