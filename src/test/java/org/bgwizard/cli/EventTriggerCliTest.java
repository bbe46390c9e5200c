package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;

/**
 * The tutorial's pipeline starts on a push through an EventBridge rule, not polling (which AWS turns off after 30
 * inactive days): plan, apply, a push, status and teardown through the CLI on a sandbox file on manual time.
 */
class EventTriggerCliTest extends SandboxCliTest {
  static final String PIPELINE_ARN = "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/demo-events";

  /** The account file as another program would open it, at the simulated time it reached. */
  @Override
  Sandbox account() throws Exception {
    return Sandbox.open(state, "us-east-1", t -> Clock.fixed(t, ZoneOffset.UTC), Sleeper.NONE);
  }

  private static String push(Sandbox sandbox, String branch) {
    var cc = sandbox.codeCommit();
    String head = cc.getBranch(b -> b.repositoryName("demo").branchName("main")).branch().commitId();
    if (!branch.equals("main")) {
      cc.createBranch(b -> b.repositoryName("demo").branchName(branch).commitId(head));
    }
    String parent = cc.getBranch(b -> b.repositoryName("demo").branchName(branch)).branch().commitId();
    return cc.createCommit(b -> b.repositoryName("demo").branchName(branch).parentCommitId(parent)
        .commitMessage("Version 2").authorName("learner").putFiles(f -> f.filePath("html/index.html")
            .fileContent(SdkBytes.fromUtf8String("<p>Version 2 on " + branch + "</p>")))).commitId();
  }

  private static List<PipelineExecutionSummary> runs(Sandbox sandbox) {
    return sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName("demo-pipeline"))
        .pipelineExecutionSummaries();
  }

  private JsonNode journalEntry(String ref) throws Exception {
    JsonNode journal = new ObjectMapper().readTree(state.resolveSibling("journals").resolve("demo.journal.json")
        .toFile());
    for (JsonNode e : journal.path("entries")) {
      if ((e.path("ref").path("kind").asText() + "/" + e.path("ref").path("name").asText()).equals(ref)) {
        return e;
      }
    }
    throw new AssertionError("no journal entry " + ref + " in " + journal);
  }

  @Test
  void plan_listsTheEventsRoleAndTheRule_withTheirCliCommands() {
    assertEquals(0, sandbox("plan"), err::toString);

    String plan = out.toString();
    assertTrue(plan.contains(": 25 steps (25 create)"), plan);
    assertTrue(plan.contains("create   iam-role/demo-events"), plan);
    assertTrue(plan.contains("$ aws iam create-role --role-name demo-events --assume-role-policy-document"
        + " file://iam/events-trust.json"), plan);
    assertTrue(plan.contains("create   events-rule/demo-source-change  (after codepipeline-pipeline/demo-pipeline,"
        + " iam-role/demo-events)"), plan);
    assertTrue(plan.contains("$ aws events put-rule --name demo-source-change --event-pattern"
        + " file://events/source-change-pattern.json --state ENABLED --tags Key=bgwizard:setup,Value=demo"
        + " && aws events put-targets --rule demo-source-change --targets Id=codepipeline,Arn=" + PIPELINE_ARN
        + ",RoleArn=" + ROLE_ARN), plan);
  }

  @Test
  void apply_createsTheRoleAndTheRule_aPushToTheBranchStartsThePipeline_anotherBranchDoesNot() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok events-rule/demo-source-change: done"), err.toString());
    assertEquals("DONE", journalEntry("events-rule/demo-source-change").path("state").asText());
    assertEquals("arn:aws:events:us-east-1:123456789012:rule/demo-source-change",
        journalEntry("events-rule/demo-source-change").path("outputs").path("arn").asText());
    assertEquals("DONE", journalEntry("iam-role/demo-events").path("state").asText());

    Sandbox sandbox = account();
    var targets = sandbox.eventBridge().listTargetsByRule(b -> b.rule("demo-source-change")).targets();
    assertEquals(List.of(Map.entry(PIPELINE_ARN, ROLE_ARN)),
        targets.stream().map(t -> Map.entry(t.arn(), t.roleArn())).toList());
    int before = runs(sandbox).size();

    String commit = push(sandbox, "main");
    assertEquals(before + 1, runs(sandbox).size());
    assertEquals("CloudWatchEvent", runs(sandbox).get(0).trigger().triggerTypeAsString());
    push(sandbox, "feature");
    assertEquals(before + 1, runs(sandbox).size(), "a push to another branch starts nothing");
    sandbox.account().save();

    assertEquals(0, sandbox("status", "--json"), err::toString);
    JsonNode status = new ObjectMapper().readTree(out.toString());
    boolean ruleShown = false;
    for (JsonNode r : status.path("resources")) {
      if (r.path("kind").asText().equals("events-rule")) {
        ruleShown = true;
        assertEquals("PRESENT", r.path("state").asText(), r.toString());
      }
    }
    assertTrue(ruleShown, status.toString());
    assertFalse(commit.isEmpty());
  }

  @Test
  void status_reportsARuleWhoseTargetWasRemoved_asDrifted() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox sandbox = account();
    sandbox.eventBridge().removeTargets(b -> b.rule("demo-source-change").ids("codepipeline"));
    sandbox.account().save();

    assertEquals(1, sandbox("status"), err::toString);
    assertTrue(out.toString().contains("it does not start " + PIPELINE_ARN + " with the role " + ROLE_ARN),
        out.toString());
  }

  @Test
  void teardown_removesTheTargetTheRuleAndTheRole_andLeavesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(err.toString().contains("- events-rule/demo-source-change"), err.toString());
    assertTrue(err.toString().contains("Teardown: 25 of 25 steps done"), err.toString());
    assertEquals("DELETED", journalEntry("events-rule/demo-source-change").path("state").asText());
    assertEquals("DELETED", journalEntry("iam-role/demo-events").path("state").asText());

    Sandbox sandbox = account();
    assertTrue(sandbox.eventBridge().listRules(b -> { }).rules().isEmpty());
    assertFalse(sandbox.iam().listRoles().roles().stream().anyMatch(r -> r.roleName().equals("demo-events")));
    assertEquals(0, sandbox("status", "--orphans"), err::toString);
    assertTrue(out.toString().contains("No orphans"), out.toString());
  }
}
