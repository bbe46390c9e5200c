package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;

/** {@code export --format cloudformation} through the CLI's entry point: what is printed, written, and the exit code. */
class ExportCliTest extends SandboxCliTest {

  @Test
  void cloudformation_withOut_writesTheTemplateOfTheSetup() throws Exception {
    Path template = dir.resolve("template.yaml");

    int code = run("export", setup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(0, code, err.toString());
    assertEquals(SetupTemplate.yaml(SpecJson.load(setup)), Files.readString(template));
    assertTrue(err.toString().contains("wrote " + template), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void cloudformation_withoutOut_printsTheTemplateOnStdout() throws Exception {
    int code = run("export", setup.toString(), "--format", "cloudformation");

    assertEquals(0, code, err.toString());
    assertEquals(SetupTemplate.yaml(SpecJson.load(setup)), out.toString());
  }

  @Test
  void cloudformation_ofASetupThatDoesNotValidate_namesTheFieldAndWritesNothing() throws Exception {
    Files.writeString(setup, Files.readString(setup).replace("\"productionPort\" : 80", "\"productionPort\" : 0"));
    Path template = dir.resolve("template.yaml");

    int code = run("export", setup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(1, code);
    assertTrue(err.toString().contains("Production listener port"), err.toString());
    assertTrue(err.toString().contains("Nothing written"), err.toString());
    assertFalse(Files.exists(template));
    assertEquals("", out.toString());
  }

  @Test
  void cloudformation_ofAnEcsNativeSetup_writesTheServicesOwnBlueGreenAndNoCodeDeploy() throws Exception {
    Path nativeSetup = dir.resolve("native.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--strategy", "ecs-native", "--out",
        nativeSetup.toString()), err::toString);
    Path template = dir.resolve("native.yaml");

    int code = run("export", nativeSetup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(0, code, err.toString());
    String written = Files.readString(template);
    assertEquals(SetupTemplate.yaml(SpecJson.load(nativeSetup)), written);
    assertTrue(written.contains("      DeploymentController:\n        Type: ECS\n"), written);
    assertTrue(written.contains("Type: AWS::ElasticLoadBalancingV2::ListenerRule"), written);
    assertFalse(written.contains("AWS::CodeDeploy::"), written);
    assertEquals("", out.toString());
  }

  @Test
  void export_withAnUnknownFormat_isAUsageErrorListingTheFormats() {
    int code = run("export", setup.toString(), "--format", "terraform");

    assertEquals(2, code);
    assertTrue(err.toString().contains("--format 'terraform' is not a format; expected one of cloudformation,"
        + " cloudformation-import, cli"), err.toString());
  }

  @Test
  void cloudformation_overAFileWithOtherContent_refusesWithoutForce() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, "mine\n");

    int code = run("export", setup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(1, code);
    assertEquals("mine\n", Files.readString(template));
    assertTrue(err.toString().contains("exists with other content"), err.toString());
  }
}
