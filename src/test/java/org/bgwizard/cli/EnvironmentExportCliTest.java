package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;

/** {@code export} of a setup with environments (issues 15 and 16) through the CLI's entry point. */
class EnvironmentExportCliTest extends SandboxCliTest {

  @Test
  void cloudformation_ofASetupWithEnvironments_writesEveryEnvironmentAndTheSharedResourcesOnce() throws Exception {
    Path envSetup = dir.resolve("envs.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--environments", "dev,prod", "--out",
        envSetup.toString()), err::toString);
    Path template = dir.resolve("envs.yaml");

    int code = run("export", envSetup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(0, code, err.toString());
    String written = Files.readString(template);
    assertEquals(SetupTemplate.yaml(SpecJson.load(envSetup)), written);
    for (String id : new String[] {"ServiceDev", "ServiceProd", "PipelineDev", "PipelineProd", "DeploymentGroupDev",
        "DeploymentGroupProd", "TestProject", "ApprovalTopic", "CodeBuildRole", "BuildProject", "Cluster"}) {
      assertEquals(1, count(written, "\n  " + id + ":\n"), id + " once:\n" + written);
    }
    assertFalse(written.contains("\n  ApprovalEmailSubscription:\n"), "no e-mail given, no subscription");
    assertTrue(written.contains("  # Wizard page: ECS service; Environments: prod\n  ServiceProd:\n"), written);
    assertTrue(written.contains("on http://${LoadBalancerDev.DNSName}:8080/."), "prod's approval names dev's test URL");
    assertTrue(written.contains("\n  TestUrlDev:\n") && written.contains("\n  ProductionUrlProd:\n"), written);
    assertEquals("", out.toString());
  }

  @Test
  void cloudformation_ofASetupWithEnvironments_thatDoesNotValidate_writesNothing() throws Exception {
    Path envSetup = dir.resolve("envs.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--environments", "dev,prod", "--out",
        envSetup.toString()), err::toString);
    Files.writeString(envSetup, Files.readString(envSetup).replace("\"name\" : \"prod\"", "\"name\" : \"Prod!\""));
    Path template = dir.resolve("envs.yaml");

    int code = run("export", envSetup.toString(), "--format", "cloudformation", "--out", template.toString());

    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("Prod!"), err.toString());
    assertTrue(err.toString().contains("Nothing written"), err.toString());
    assertFalse(Files.exists(template));
  }

  @Test
  void cli_ofASetupWithEnvironments_hasEachEnvironmentsCommands_andTheSharedOnesOnce() throws Exception {
    Files.delete(setup);
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--environments", "dev,prod", "--out",
        setup.toString()), err::toString);
    Path script = dir.resolve("setup.sh");

    int code = sandbox("export", "--format", "cli", "--out", script.toString());

    assertEquals(0, code, err.toString());
    String text = Files.readString(script);
    for (String env : new String[] {"dev", "prod"}) {
      assertEquals(1, count(text, "aws ecs create-service --cluster demo-cluster --service-name demo-service-" + env
          + " "), env + ":\n" + text);
      assertEquals(1, count(text, "aws elbv2 create-load-balancer --name demo-alb-" + env + " "), env);
    }
    assertEquals(2, count(text, "aws codepipeline create-pipeline"), text);
    assertEquals(1, count(text, "aws iam create-role --role-name demo-codebuild "), text);
    assertEquals(1, count(text, "aws sns create-topic --name demo-approvals"), text);
    Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    String syntax = new String(check.getInputStream().readAllBytes());
    assertEquals(0, check.waitFor(), syntax);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
