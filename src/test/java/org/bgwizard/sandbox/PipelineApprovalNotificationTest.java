package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.sandbox.sns.SnsState;
import org.bgwizard.setup.Pipeline;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.ActionState;

/**
 * An environment's gated pipeline (issue 15): in the Build stage a Manual approval first (runOrder 1) that notifies
 * an SNS topic with CustomData naming the commit (#{SourceVariables.CommitId}), then the build (runOrder 2) with the
 * CodeBuild action's EnvironmentVariables overriding the shared project's ("Manage approval actions", "JSON data
 * format for manual approval notifications", "Variables reference", "AWS CodeBuild build and test action reference").
 */
class PipelineApprovalNotificationTest {
  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:demo-approvals";
  static final ObjectMapper JSON = new ObjectMapper();
  final PipelineFixture f = new PipelineFixture();

  /** The setup's pipeline reshaped: the approval moved into Build before the CodeBuild action. */
  private void gatedPipeline(UnaryOperator<String> editPermissions, String customData) {
    f.spec = f.spec.withPipeline(new Pipeline("demo-pipeline", null, true, TOPIC));
    f.base(editPermissions);
    f.sandbox.sns().createTopic(b -> b.name("demo-approvals"));
    f.sandbox.sns().subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint("lead@example.com"));
    f.sandbox.confirmEmailSubscriptions();
    ObjectNode d = (ObjectNode) PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
    ArrayNode stages = (ArrayNode) d.path("stages");
    ((ObjectNode) stages.get(0).path("actions").get(0)).put("namespace", "SourceVariables");
    ObjectNode approve = null;
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).path("name").asText().equals("Approval")) {
        approve = (ObjectNode) stages.get(i).path("actions").get(0);
        stages.remove(i);
        break;
      }
    }
    approve.put("runOrder", 1);
    ((ObjectNode) approve.path("configuration")).put("CustomData", customData)
        .put("ExternalEntityLink", "http://qa.example.com:8080/");
    ArrayNode build = (ArrayNode) stages.get(1).path("actions");
    ObjectNode codeBuild = (ObjectNode) build.get(0);
    codeBuild.put("runOrder", 2);
    ((ObjectNode) codeBuild.path("configuration")).put("EnvironmentVariables",
        "[{\"name\":\"IMAGE_REPO_NAME\",\"value\":\"demo-prod\",\"type\":\"PLAINTEXT\"},"
            + "{\"name\":\"SOURCE_COMMIT\",\"value\":\"#{SourceVariables.CommitId}\"}]");
    build.insert(0, approve);
    f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(d)));
  }

  private ActionState action(String stage, String name) {
    return f.stage(stage).actionStates().stream().filter(a -> a.actionName().equals(name)).findFirst().orElseThrow();
  }

  private List<SnsState.Mail> approvalMails() {
    return f.sandbox.inbox().stream().filter(m -> m.subject.startsWith("APPROVAL NEEDED")).toList();
  }

  @Test
  void theApprovalRunsFirstInItsStage_andItsNotificationNamesTheCommit_inTheInboxAndAsJson() throws Exception {
    gatedPipeline(UnaryOperator.identity(), "Deploy commit #{SourceVariables.CommitId}, tested at qa");
    f.advance(f.sandbox.account().settings().sourceSeconds);
    String commit = f.head();

    assertEquals("InProgress", action("Build", "Approve").latestExecution().statusAsString());
    assertEquals(null, action("Build", "Build").latestExecution(), "runOrder 2 waits for the approval");
    assertTrue(f.sandbox.codeBuild().listBuildsForProject(b -> b.projectName("demo-build")).ids().isEmpty());
    String token = action("Build", "Approve").latestExecution().token();

    SnsState.Mail mail = approvalMails().get(0);
    assertEquals("lead@example.com", mail.recipient);
    assertEquals("APPROVAL NEEDED: AWS CodePipeline demo-pipeline for action Approve", mail.subject);
    assertTrue(mail.body.contains("Pipeline name: demo-pipeline\nStage name: Build\nAction name: Approve"), mail.body);
    assertTrue(mail.body.contains("Additional information: Deploy commit " + commit + ", tested at qa"), mail.body);
    assertTrue(mail.body.contains("Content to review: http://qa.example.com:8080/"), mail.body);
    assertTrue(mail.body.contains("#/view/demo-pipeline/Build/Approve/approve/" + token), mail.body);

    JsonNode published = JSON.readTree(JSON.readTree(f.sandbox.account().state(org.bgwizard.sandbox.sns.SnsState.class).topics.get(TOPIC).messages
        .get(0).body).path("default").asText());
    assertEquals("us-east-1", published.path("region").asText());
    assertEquals(token, published.path("approval").path("token").asText());
    assertEquals("Deploy commit " + commit + ", tested at qa", published.path("approval").path("customData").asText());
    assertEquals("2026-01-12T09:00Z", published.path("approval").path("expires").asText(), "seven days on");
  }

  @Test
  void approving_startsTheBuild_withTheActionsEnvironmentVariablesOverTheProjects() {
    gatedPipeline(UnaryOperator.identity(), "Deploy #{SourceVariables.CommitId}");
    f.sandbox.codeCommit().createCommit(b -> b.repositoryName("demo").branchName("main").parentCommitId(f.head())
        .commitMessage("echo the variables").authorName("learner").email("learner@example.com")
        .putFiles(p -> p.filePath("buildspec.yml").fileContent(software.amazon.awssdk.core.SdkBytes.fromUtf8String(
            "version: 0.2\nphases:\n  build:\n    commands:\n"
                + "      - echo \"repo=$IMAGE_REPO_NAME commit=$SOURCE_COMMIT\"\n"))));
    String commit = f.sandbox.codeCommit().getBranch(b -> b.repositoryName("demo").branchName("main")).branch()
        .commitId();
    f.sandbox.codePipeline().stopPipelineExecution(b -> b.pipelineName("demo-pipeline")
        .pipelineExecutionId(f.latestExecutionId()).abandon(true));
    f.sandbox.codePipeline().startPipelineExecution(b -> b.name("demo-pipeline"));
    f.advance(f.sandbox.account().settings().sourceSeconds);

    String token = action("Build", "Approve").latestExecution().token();
    f.sandbox.codePipeline().putApprovalResult(b -> b.pipelineName("demo-pipeline").stageName("Build")
        .actionName("Approve").token(token).result(r -> r.status("Approved").summary("ok")));
    f.advance(f.sandbox.account().settings().buildSeconds + 2);

    var build = f.latestBuild();
    assertTrue(f.buildLog(build).stream().anyMatch(l -> l.contains("repo=demo-prod commit=" + commit)),
        () -> String.join("\n", f.buildLog(build)));
    assertTrue(f.sandbox.codeBuild().batchGetProjects(b -> b.names("demo-build")).projects().get(0).environment()
        .environmentVariables().stream().anyMatch(v -> v.name().equals("IMAGE_REPO_NAME") && v.value().equals("demo")),
        "the shared project keeps its own value");
  }

  @Test
  void withoutSnsPublishOnTheTopic_theApprovalFails_andNothingIsMailed() {
    gatedPipeline(doc -> doc.replace("\"sns:Publish\"", "\"sns:GetTopicAttributes\""), "Deploy");
    f.advance(f.sandbox.account().settings().sourceSeconds);

    var approval = action("Build", "Approve").latestExecution();
    assertEquals("Failed", approval.statusAsString());
    assertTrue(approval.errorDetails().message().contains("SNS:Publish"), approval.errorDetails().message());
    assertTrue(approvalMails().isEmpty());
  }

  @Test
  void aVariableOfNoEarlierAction_failsTheApproval() {
    gatedPipeline(UnaryOperator.identity(), "Deploy #{BuildVariables.IMAGE_TAG}");
    f.advance(f.sandbox.account().settings().sourceSeconds);

    var approval = action("Build", "Approve").latestExecution();
    assertEquals("Failed", approval.statusAsString());
    assertTrue(approval.errorDetails().message().contains("#{BuildVariables.IMAGE_TAG}"));
  }
}
