package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecJsonTest {
  private static final String DEFAULTS = SpecJson.write(SpecDefaults.tutorial("demo", "us-east-1"));

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"demo, us-east-1", "my-app, ap-northeast-1"})
  void defaults_roundTripExactly(String name, String region) throws SpecFormatException {
    var spec = SpecDefaults.tutorial(name, region);
    String written = SpecJson.write(spec);
    SetupSpec read = SpecJson.read(written);
    assertEquals(spec, read);
    assertEquals(written, SpecJson.write(read));
  }

  @Test
  void aFileWithoutSourceProvider_loadsAsCodeCommit() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(SpecJson.write(SpecDefaults.tutorial("demo", "us-east-1")));
    ((ObjectNode) json.get("source")).remove("provider");

    assertEquals(Source.Provider.CODECOMMIT, SpecJson.read(json.toString()).source().provider());
    assertTrue(SpecValidator.validate(SpecJson.read(json.toString())).isEmpty());
  }

  @Test
  void aCodeDeploySetup_writesNoStrategy_andAFileWithoutOneLoadsAsCodeDeploy() throws Exception {
    assertTrue(!DEFAULTS.contains("strategy"), DEFAULTS);
    assertEquals(Strategy.CODEDEPLOY, SpecJson.read(DEFAULTS).strategy());
  }

  @Test
  void anEcsNativeSetup_roundTripsExactly_withItsStrategyWritten() throws SpecFormatException {
    var spec = SpecDefaults.tutorial("demo", "us-east-1").withStrategy(Strategy.ECS_NATIVE).withCodeDeploy(null)
        .withEcsNative(new EcsNative(EcsNative.Shift.LINEAR, 20, 2, 10, true, 30, EcsNative.TimeoutAction.ROLLBACK,
            new Roles.RoleRef("demo-ecs-infrastructure", null), 60));
    String written = SpecJson.write(spec);

    assertTrue(written.contains("\"strategy\" : \"ecs-native\""), written);
    assertEquals(spec, SpecJson.read(written));
    assertEquals(written, SpecJson.write(SpecJson.read(written)));
  }

  @Test
  void specWithEveryOptionalPart_roundTripsExactly() throws SpecFormatException {
    var spec = SpecEdits.edit(SpecDefaults.tutorial("demo", "us-east-1"),
        "network.vpcId", "vpc-0a1b2c3d", "network.subnets", BrokenSpecs.TWO_SUBNETS,
        "container.environment", Map.of("B", "2", "A", "1"),
        "loadBalancer.existingArn", BrokenSpecs.ELB_ARN,
        "codeDeploy.reroute", "WAIT", "codeDeploy.rerouteWaitMinutes", 30,
        "roles.codeBuild.existingArn", "arn:aws:iam::123456789012:role/builder",
        "tags", Map.of("team", "web", "env", "dev"));
    String written = SpecJson.write(spec);
    assertEquals(written, SpecJson.write(SpecJson.read(written)));
  }

  @Test
  void unknownField_namesTheFieldAndTheAcceptedOnes() {
    String json = DEFAULTS.replace("\"testPort\" : 8080,", "\"testPort\" : 8080, \"colour\" : \"blue\",");
    var e = assertThrows(SpecFormatException.class, () -> SpecJson.read(json));
    assertTrue(e.getMessage().contains("loadBalancer.colour"), e.getMessage());
    assertTrue(e.getMessage().contains("targetGroup1"), e.getMessage());
    assertTrue(e.getMessage().contains("testPort"), e.getMessage());
  }

  @Test
  void wrongType_namesTheFieldAndTheExpectedKind() {
    String json = DEFAULTS.replace("\"port\" : 80,", "\"port\" : \"eighty\",");
    var e = assertThrows(SpecFormatException.class, () -> SpecJson.read(json));
    assertTrue(e.getMessage().contains("container.port"), e.getMessage());
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
  }

  @Test
  void wrongEnumValue_listsTheAcceptedValues() {
    String json = DEFAULTS.replace("\"reroute\" : \"IMMEDIATELY\"", "\"reroute\" : \"LATER\"");
    var e = assertThrows(SpecFormatException.class, () -> SpecJson.read(json));
    assertTrue(e.getMessage().contains("codeDeploy.reroute"), e.getMessage());
    assertTrue(e.getMessage().contains("IMMEDIATELY, WAIT"), e.getMessage());
  }

  @Test
  void otherFormatVersion_isRejectedNamingTheReadableOne() {
    String json = DEFAULTS.replace("\"formatVersion\" : 1,", "\"formatVersion\" : 2,");
    var e = assertThrows(SpecFormatException.class, () -> SpecJson.read(json));
    assertTrue(e.getMessage().contains("formatVersion is 2"), e.getMessage());
    assertTrue(e.getMessage().contains("formatVersion " + SetupSpec.FORMAT_VERSION), e.getMessage());
  }

  @Test
  void emptyFile_isRejected() {
    assertThrows(SpecFormatException.class, () -> SpecJson.read(""));
  }
}
