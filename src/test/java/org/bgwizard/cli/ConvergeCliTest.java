package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/**
 * apply converges (issue 13), through the CLI's entry point against a sandbox file on manual time: what was
 * deleted by hand is recreated, and a machine without the journal (the sandbox keeps its journals beside its
 * account file; moving that folder away is a second data folder) adopts what carries the setup's tag.
 */
class ConvergeCliTest extends SandboxCliTest {
  private static final String BUILD_LOGS = "/aws/codebuild/demo-build";
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"codebuild.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static long lines(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).count();
  }

  @Test
  void apply_afterEveryResourceWasDeletedByHand_plansAndRunsRecreate() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Path kept = dir.resolve("journal-before-deletion.json");
    Files.copy(journal, kept);
    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    Files.copy(kept, journal, StandardCopyOption.REPLACE_EXISTING);

    assertEquals(0, sandbox("plan"), err::toString);
    assertEquals(25, lines(out.toString(), "  recreate "), out.toString());
    assertTrue(out.toString().contains("  recreate ecs-service/demo-service"), out.toString());
    assertTrue(out.toString().contains("but the account no longer has it: it will be created again"), out.toString());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok ecs-service/demo-service: recreated"), err.toString());
    assertTrue(err.toString().contains("ok iam-role/demo-codebuild: recreated"), err.toString());
    assertFalse(err.toString().contains("done in an earlier run"), err.toString());
    assertEquals(0, sandbox("status"), out::toString);
    assertEquals(25, lines(out.toString(), "  PRESENT "), out.toString());
  }

  @Test
  void planAndApply_changedSettings_areUpdatedInPlace_fieldByField_withTheirCliCommands() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Files.writeString(setup, Files.readString(setup).replaceAll("\"desiredCount\" : \\d+", "\"desiredCount\" : 2")
        .replaceAll("\"logRetentionDays\" : \\d+", "\"logRetentionDays\" : 14")
        .replaceAll("\"terminationWaitMinutes\" : \\d+", "\"terminationWaitMinutes\" : 7")
        .replace("\"healthCheckPath\" : \"/\"", "\"healthCheckPath\" : \"/health\""));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    assertTrue(plan.contains("  update   ecs-service/demo-service"), plan);
    assertTrue(plan.contains("~ desired count: 1 → 2"), plan);
    assertTrue(plan.contains("$ aws ecs update-service --cluster demo-cluster --service demo-service --desired-count 2"),
        plan);
    assertTrue(plan.contains("~ retention (days): 30 → 14"), plan);
    assertTrue(plan.contains("$ aws logs put-retention-policy --log-group-name /ecs/demo --retention-in-days 14"), plan);
    assertTrue(plan.matches("(?s).*~ termination wait \\(minutes\\): \\d+ → 7.*"), plan);
    assertTrue(plan.contains("$ aws deploy update-deployment-group --application-name"), plan);
    assertTrue(plan.contains("  update   elbv2-target-group/demo-tg-1"), plan);
    assertTrue(plan.contains("~ health check path: / → /health"), plan);
    assertTrue(plan.contains("$ aws elbv2 modify-target-group --target-group-arn arn:aws:elasticloadbalancing:"), plan);
    assertEquals(0, sandbox("plan", "--json"), err::toString);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    var service = java.util.stream.StreamSupport.stream(json.path("steps").spliterator(), false)
        .filter(n -> n.path("kind").asText().equals("ecs-service")).findFirst().orElseThrow();
    assertEquals("update", service.path("action").asText());
    assertEquals("desired count", service.path("changes").get(0).path("field").asText());
    assertEquals("1", service.path("changes").get(0).path("from").asText());
    assertEquals("2", service.path("changes").get(0).path("to").asText());
    assertTrue(service.path("command").asText().startsWith("aws ecs update-service"), service.toString());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertTrue(err.toString().contains("ok ecs-service/demo-service: updated: desired count: 1 → 2"), err.toString());
    assertTrue(err.toString().contains("ok logs-log-group//ecs/demo: updated: retention (days): 30 → 14"),
        err.toString());
    assertFalse(err.toString().contains("recreated"), err.toString());
    assertEquals(0, sandbox("status"), out::toString);
    assertEquals(25, lines(out.toString(), "  PRESENT "), out.toString());
  }

  @Test
  void apply_withNothingChanged_runsNoStep() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertFalse(err.toString().contains(": started"), err.toString());
    assertEquals(25, lines(err.toString().replaceAll("(?m)^\\[\\d+:\\d+\\] ", ""), "ok "), err.toString());
  }

  @Test
  void teardown_fromASecondDataFolder_removesWhatCarriesTheTag_andLeavesUntaggedLookAlikesAlone() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Path firstMachine = state.resolveSibling("journals-first-machine");
    Files.move(journal.getParent(), firstMachine);
    Sandbox account = account();
    account.logs().deleteLogGroup(r -> r.logGroupName(BUILD_LOGS));
    account.logs().createLogGroup(r -> r.logGroupName(BUILD_LOGS));
    account.logs().createLogGroup(r -> r.logGroupName("/ecs/demo-old"));
    account.iam().createRole(r -> r.roleName("demo-codebuild-old").assumeRolePolicyDocument(TRUST));

    assertEquals(0, sandbox("plan"), err::toString);
    assertEquals(24, out.toString().lines().filter(l -> l.contains("(adopted from its tag bgwizard:setup=demo)"))
        .count(), out.toString());
    assertTrue(out.toString().contains("(yours: it has the setup's name but not the tag bgwizard:setup=demo"),
        out.toString());

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);

    assertTrue(err.toString().contains("Teardown: 24 of 24 steps done"), err.toString());
    Sandbox after = account();
    List<String> groups = after.logs().describeLogGroups(r -> { }).logGroups().stream()
        .map(g -> g.logGroupName()).toList();
    assertEquals(List.of("/aws/codebuild/demo-build", "/ecs/demo-old"), groups.stream().sorted().toList());
    List<String> roles = after.iam().listRoles(r -> { }).roles().stream().map(r -> r.roleName())
        .filter(n -> n.startsWith("demo-")).toList();
    assertEquals(List.of("demo-codebuild-old"), roles);
    assertTrue(after.ecs().listClusters(r -> { }).clusterArns().isEmpty());
    assertTrue(Files.exists(firstMachine.resolve("demo.journal.json")), "the first machine's journal is its own");
  }

  @Test
  void apply_fromASecondDataFolder_adoptsWhatCarriesTheTag_andCreatesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Files.move(journal.getParent(), state.resolveSibling("journals-first-machine"));

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertTrue(err.toString().contains("ok ecs-service/demo-service: adopted from its tag bgwizard:setup=demo"),
        err.toString());
    String recorded = Files.readString(journal);
    assertFalse(recorded.contains("\"REUSE\""), recorded);
    assertTrue(recorded.contains("\"adopted\" : \"adopted from its tag bgwizard:setup=demo\""), recorded);
    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(err.toString().contains("Teardown: 25 of 25 steps done"), err.toString());
  }
}
