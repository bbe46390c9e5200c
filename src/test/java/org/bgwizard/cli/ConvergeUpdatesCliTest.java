package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;

/**
 * apply updates in place (issue 13) what CodeBuild, CodePipeline, ECR and IAM let change, through the CLI's entry
 * point against a sandbox file on manual time: the setup file (or the account) is edited, {@code plan} shows each
 * field old → new with the AWS CLI update command, and {@code apply} makes exactly the update calls, never a Delete or
 * a Create, as the sandbox's call record shows.
 */
class ConvergeUpdatesCliTest extends SandboxCliTest {
  private JsonNode plannedStep(String kind) throws Exception {
    assertEquals(0, sandbox("plan", "--json"), err::toString);
    return StreamSupport.stream(new ObjectMapper().readTree(out.toString()).path("steps").spliterator(), false)
        .filter(n -> n.path("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void apply_withNothingChanged_makesNoWriteCall_inAtMost30Calls() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of(), writes());
    assertTrue(calls().size() <= 30, calls().size() + " calls: " + calls());
    assertFalse(calls().contains("GetRolePolicy"), "one read for every role: " + calls());
  }

  @Test
  void apply_changedBuildSettings_updatesTheProjectInPlace_withUpdateProjectOnly() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    edit(s -> s.replace("\"computeType\" : \"BUILD_GENERAL1_SMALL\"", "\"computeType\" : \"BUILD_GENERAL1_MEDIUM\"")
        .replaceAll("\"timeoutMinutes\" : \\d+", "\"timeoutMinutes\" : 45"));
    var codeBuild = account().codeBuild();
    var project = codeBuild.batchGetProjects(r -> r.names("demo-build")).projects().get(0);
    codeBuild.updateProject(r -> r.name("demo-build").environment(project.environment().toBuilder()
        .privilegedMode(false).build()));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   codebuild-project/demo-build");
    contains(plan, "~ compute type: BUILD_GENERAL1_SMALL → BUILD_GENERAL1_MEDIUM");
    contains(plan, "~ privileged mode: false → true");
    assertTrue(plan.matches("(?s).*~ timeout \\(minutes\\): \\d+ → 45.*"), plan);
    contains(plan, "$ aws codebuild update-project --name demo-build --source type=CODEPIPELINE");
    JsonNode step = plannedStep("codebuild-project");
    assertEquals("update", step.path("action").asText());
    assertEquals(3, step.path("changes").size(), step.toString());
    assertTrue(step.path("command").asText().startsWith("aws codebuild update-project"), step.toString());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("UpdateProject"), writes());
    contains(err.toString(), "ok codebuild-project/demo-build: updated: compute type: BUILD_GENERAL1_SMALL → "
        + "BUILD_GENERAL1_MEDIUM");
    var after = account().codeBuild().batchGetProjects(r -> r.names("demo-build")).projects().get(0);
    assertEquals("BUILD_GENERAL1_MEDIUM", after.environment().computeTypeAsString());
    assertTrue(after.environment().privilegedMode());
    assertEquals(45, after.timeoutInMinutes());
    assertEquals(project.arn(), after.arn(), "the same project");
    assertTrue(after.tags().stream().anyMatch(t -> t.key().equals("bgwizard:setup") && t.value().equals("demo")));
  }

  @Test
  void apply_pipelineOfAnOlderSetupThatPolls_isMovedToEventDrivenStarts_withUpdatePipeline() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    makeItAnOlderSetupThatPolls();

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   codepipeline-pipeline/demo-pipeline");
    contains(plan, "~ stages[0].actions[0].configuration.PollForSourceChanges: 'true' → 'false'");
    contains(plan, "$ aws codepipeline update-pipeline --cli-input-json file://pipeline.json");
    contains(plan, "  create   iam-role/demo-events");
    contains(plan, "  create   events-rule/demo-source-change");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    List<String> writes = writes();
    assertTrue(writes.contains("UpdatePipeline") && writes.contains("PutRule") && writes.contains("PutTargets")
        && writes.contains("CreateRole"), writes::toString);
    assertFalse(writes.stream().anyMatch(w -> w.equals("CreatePipeline") || w.startsWith("Delete")), writes::toString);
    assertEquals("false", polls(account()));
    assertEquals(0, sandbox("plan"), err::toString);
    assertFalse(out.toString().contains("  update "), out.toString());
  }

  @Test
  void apply_changedPipelineStructure_updatesThePipelineInPlace() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    edit(s -> s.replace("\"manualApproval\" : false", "\"manualApproval\" : true"));

    assertEquals(0, sandbox("plan"), err::toString);
    contains(out.toString(), "  update   codepipeline-pipeline/demo-pipeline");
    contains(out.toString(), "~ stages: ");
    JsonNode step = plannedStep("codepipeline-pipeline");
    assertEquals("aws codepipeline update-pipeline --cli-input-json file://pipeline.json",
        step.path("command").asText());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("UpdatePipeline"), writes());
    var stages = account().codePipeline().getPipeline(r -> r.name("demo-pipeline")).pipeline().stages();
    assertTrue(stages.stream().anyMatch(st -> st.actions().stream().anyMatch(a -> a.actionTypeId().categoryAsString()
        .equals("Approval"))), stages::toString);
  }

  @Test
  void apply_changedRepositorySettings_putsLifecyclePolicyScanningAndTagMutability_inPlace() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    edit(s -> s.replaceAll("\"keepImages\" : \\d+", "\"keepImages\" : 3")
        .replace("\"scanOnPush\" : true", "\"scanOnPush\" : false"));
    account().ecr().putImageTagMutability(r -> r.repositoryName("demo").imageTagMutability("IMMUTABLE"));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   ecr-repository/demo");
    assertTrue(plan.matches("(?s).*~ lifecycle policy: keep the newest \\d+ images → keep the newest 3 images.*"), plan);
    contains(plan, "~ scan on push: true → false");
    contains(plan, "~ tag mutability: IMMUTABLE → MUTABLE");
    contains(plan, "$ aws ecr put-lifecycle-policy --repository-name demo --lifecycle-policy-text");
    contains(plan, "&& aws ecr put-image-scanning-configuration --repository-name demo"
        + " --image-scanning-configuration scanOnPush=false");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("PutLifecyclePolicy", "PutImageScanningConfiguration", "PutImageTagMutability"), writes());
    var ecr = account().ecr();
    var repository = ecr.describeRepositories(r -> r.repositoryNames("demo")).repositories().get(0);
    assertFalse(repository.imageScanningConfiguration().scanOnPush());
    assertEquals("MUTABLE", repository.imageTagMutabilityAsString());
    contains(ecr.getLifecyclePolicy(r -> r.repositoryName("demo")).lifecyclePolicyText(), "\"countNumber\":3");
  }

  @Test
  void apply_trustPolicyChangedByHand_isReplacedWithUpdateAssumeRolePolicy() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    account().iam().updateAssumeRolePolicy(r -> r.roleName("demo-codebuild").policyDocument("{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"codebuild.amazonaws.com\","
        + "\"ec2.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}"));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   iam-role/demo-codebuild");
    contains(plan, "~ trust policy: trusts [codebuild.amazonaws.com, ec2.amazonaws.com] → the setup's: trusts"
        + " [codebuild.amazonaws.com]");
    contains(plan, "$ aws iam update-assume-role-policy --role-name demo-codebuild --policy-document"
        + " file://iam/codebuild-trust.json");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("UpdateAssumeRolePolicy"), writes());
    String trust = java.net.URLDecoder.decode(account().iam().getRole(r -> r.roleName("demo-codebuild")).role()
        .assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(trust.contains("ec2.amazonaws.com"), trust);
  }

  @Test
  void apply_newSetupTag_tagsTheSetupsResources_andNeverTheUsersLookAlike() throws Exception {
    account().iam().createRole(r -> r.roleName("demo-codebuild").assumeRolePolicyDocument("{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"codebuild.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    edit(s -> s.replaceAll("\"tags\" : \\{ ?\\}", "\"tags\" : { \"team\" : \"blue\" }"));

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "~ tag team: none → blue");
    contains(plan, "$ aws iam tag-role --role-name demo-codedeploy --tags Key=team,Value=blue");
    contains(plan, "$ aws ecr tag-resource --resource-arn arn:aws:ecr:us-east-1:123456789012:repository/demo --tags"
        + " Key=team,Value=blue");

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    List<String> writes = writes();
    assertEquals(4, writes.stream().filter(w -> w.equals("TagRole")).count(), writes::toString);
    assertTrue(writes.containsAll(List.of("TagResource", "UpdateProject")), writes::toString);
    assertFalse(writes.stream().anyMatch(w -> (w.startsWith("Create") && !w.equals("CreateTags"))
        || w.startsWith("Delete")), "EC2 tags with CreateTags; nothing else is created: " + writes);
    var iam = account().iam();
    assertTrue(iam.listRoleTags(r -> r.roleName("demo-codedeploy")).tags().stream()
        .anyMatch(t -> t.key().equals("team") && t.value().equals("blue")));
    assertTrue(iam.listRoleTags(r -> r.roleName("demo-codebuild")).tags().isEmpty(), "the user's role is not tagged");
    assertTrue(account().codePipeline().listTagsForResource(r -> r.resourceArn(
        "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline")).tags().stream()
        .anyMatch(t -> t.key().equals("team")));
  }

  /** A setup made before change detection: its source polls, and it has no events role or rule. */
  private void makeItAnOlderSetupThatPolls() throws Exception {
    Sandbox account = account();
    var pipelines = account.codePipeline();
    PipelineDeclaration current = pipelines.getPipeline(r -> r.name("demo-pipeline")).pipeline();
    var stages = new ArrayList<>(current.stages());
    StageDeclaration source = stages.get(0);
    var config = new java.util.HashMap<>(source.actions().get(0).configuration());
    config.put("PollForSourceChanges", "true");
    stages.set(0, source.toBuilder().actions(source.actions().get(0).toBuilder().configuration(config).build()).build());
    pipelines.updatePipeline(r -> r.pipeline(current.toBuilder().stages(stages).build()));
    account.eventBridge().removeTargets(r -> r.rule("demo-source-change").ids(
        account.eventBridge().listTargetsByRule(t -> t.rule("demo-source-change")).targets().get(0).id()));
    account.eventBridge().deleteRule(r -> r.name("demo-source-change"));
    account.iam().deleteRolePolicy(r -> r.roleName("demo-events").policyName("bgwizard-permissions"));
    account.iam().deleteRole(r -> r.roleName("demo-events"));
    var mapper = new ObjectMapper();
    ObjectNode recorded = (ObjectNode) mapper.readTree(journal.toFile());
    ArrayNode kept = mapper.createArrayNode();
    recorded.path("entries").forEach(e -> {
      String ref = e.path("ref").path("kind").asText() + "/" + e.path("ref").path("name").asText();
      if (!ref.equals("iam-role/demo-events") && !ref.equals("events-rule/demo-source-change")) {
        kept.add(e);
      }
    });
    recorded.set("entries", kept);
    mapper.writerWithDefaultPrettyPrinter().writeValue(journal.toFile(), recorded);
  }

  private static String polls(Sandbox account) {
    return account.codePipeline().getPipeline(r -> r.name("demo-pipeline")).pipeline().stages().get(0).actions()
        .get(0).configuration().get("PollForSourceChanges");
  }
}
