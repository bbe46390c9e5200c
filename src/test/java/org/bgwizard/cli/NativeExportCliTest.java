package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bgwizard.artifacts.Json;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code export --format cli} and {@code cloudformation-import} of an ecs-native setup, through the entry point. */
class NativeExportCliTest extends SandboxCliTest {

  @BeforeEach
  void nativeSetup() throws Exception {
    Files.delete(setup);
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--strategy", "ecs-native", "--out",
        setup.toString()), err::toString);
  }

  @Test
  void cli_ofANativeSetup_createsTheRulesAndTheServiceAfterThem_andNothingOfCodeDeploy() throws Exception {
    Path script = dir.resolve("setup.sh");

    int code = sandbox("export", "--format", "cli", "--out", script.toString());

    assertEquals(0, code, err.toString());
    String text = Files.readString(script);
    int role = text.indexOf("aws iam create-role --role-name demo-ecs-infrastructure");
    int rule = text.indexOf("aws elbv2 create-rule --listener-arn \"$(listener_arn demo-alb 80)\"");
    int testRule = text.indexOf("aws elbv2 create-rule --listener-arn \"$(listener_arn demo-alb 8080)\"");
    int service = text.indexOf("aws ecs create-service --cluster demo-cluster --service-name demo-service");
    int pipeline = text.indexOf("aws codepipeline create-pipeline");
    assertTrue(0 < role && role < service && 0 < rule && rule < service && 0 < testRule && testRule < service, text);
    assertTrue(service < pipeline, text);
    assertTrue(text.contains("productionListenerRule='\"$(rule_arn demo-alb 80 1)\"'"), text);
    assertTrue(text.contains("roleArn='\"$(role_arn demo-ecs-infrastructure)\"'"), text);
    assertFalse(text.contains("aws deploy "), text);
    assertFalse(text.replace("<IMAGE1_NAME>", "").matches("(?s).*<[^>]+ (arn|id)>.*"), "no placeholder is left");
    Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    String syntax = new String(check.getInputStream().readAllBytes());
    assertEquals(0, check.waitFor(), syntax);
  }

  @Test
  void cloudformationImport_afterApply_importsTheRulesTheRoleAndTheServiceByTheirIdentifiersInTheJournal()
      throws Exception {
    // the rules, the role and the service are made before the pipeline, whose Amazon ECS action the simulated
    // account may not run yet (then the import leaves the pipeline to the stack, and this test holds all the same)
    sandbox("apply", "--yes");
    assertTrue(err.toString().contains("ok ecs-service/demo-service: done"), err.toString());
    Path folder = dir.resolve("handover");

    int code = sandbox("export", "--format", "cloudformation-import", "--out", folder.toString());

    assertEquals(0, code, err.toString());
    JsonNode toImport = Json.read(Files.readString(folder.resolve(CloudFormationImport.RESOURCES_TO_IMPORT)));
    Map<String, JsonNode> byId = new HashMap<>();
    toImport.forEach(r -> byId.put(r.get("LogicalResourceId").asText(), r.get("ResourceIdentifier")));
    Map<String, String> arns = new HashMap<>();
    for (JournalEntry entry : Journal.open(journal()).entries()) {
      if (entry.origin() == Origin.CREATE) {
        arns.put(entry.ref().toString(), entry.outputs().get("arn"));
      }
    }
    assertEquals(arns.get("elbv2-listener-rule/demo-alb:80:rule-1"),
        byId.get("ProductionListenerRule").get("RuleArn").asText(), toImport.toString());
    assertEquals(arns.get("elbv2-listener-rule/demo-alb:8080:rule-1"),
        byId.get("TestListenerRule").get("RuleArn").asText());
    assertEquals("demo-ecs-infrastructure", byId.get("EcsInfrastructureRole").get("RoleName").asText());
    assertEquals(arns.get("ecs-service/demo-service"), byId.get("Service").get("ServiceArn").asText());
    assertFalse(err.toString().contains("listener-rule/demo-alb:80:rule-1: the journal has no record"), err.toString());
    assertFalse(err.toString().contains("in the journal, but the template has no resource"), err.toString());
    assertFalse(out.toString().contains("aws deploy "), out.toString());
    assertTrue(Files.readString(folder.resolve(CloudFormationImport.TEMPLATE)).contains("Type: ECS"));
  }

  private Path journal() throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().equals("demo.journal.json")).findFirst().orElseThrow();
    }
  }
}
