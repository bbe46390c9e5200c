package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.sandbox.codepipeline.CodePipelineState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.InvalidActionDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidArnException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStructureException;
import software.amazon.awssdk.services.codepipeline.model.InvalidTagsException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineNameInUseException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineVersionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.Tag;
import software.amazon.awssdk.services.codepipeline.model.TooManyTagsException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/**
 * CodePipeline's API: structure rules (CodePipeline API Reference, action reference), the role check (row 15),
 * pipelines, tags and paging.
 */
class CodePipelineApiTest {
  final PipelineFixture f = new PipelineFixture();
  final CodePipelineClient cp = f.sandbox.codePipeline();

  private ObjectNode declaration() {
    return PipelineStructure.declaration(f.spec, PipelineFixture.TARGET);
  }

  private void create(ObjectNode declaration) {
    cp.createPipeline(r -> r.pipeline(PipelineDeclarations.from(declaration)));
  }

  private static ObjectNode action(ObjectNode d, int stage) {
    return (ObjectNode) d.path("stages").get(stage).path("actions").get(0);
  }

  private static ObjectNode config(ObjectNode d, int stage) {
    return (ObjectNode) action(d, stage).path("configuration");
  }

  @Test
  void createPipeline_withARoleNotYetPropagated_isInvalidStructure_andSucceedsAfterTheDelay_catalogueRow15() {
    f.roles(UnaryOperator.identity());
    assertAwsError(InvalidStructureException.class, "InvalidStructureException",
        "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/demo-codepipeline",
        () -> create(declaration()));
    f.propagate();
    create(declaration());
    assertEquals(1, cp.getPipeline(r -> r.name("demo-pipeline")).pipeline().version());
  }

  @Test
  void createPipeline_withARoleThatTrustsAnotherService_isRejectedTheSameWay() {
    f.roles(UnaryOperator.identity());
    f.propagate();
    ObjectNode d = declaration();
    d.put("roleArn", f.arns().codeBuildRole());
    assertAwsError(InvalidStructureException.class, "InvalidStructureException",
        "CodePipeline is not authorized to perform AssumeRole on role " + f.arns().codeBuildRole(), () -> create(d));
  }

  static Stream<Arguments> invalidStructures() {
    return Stream.of(
        rule("pipeline name with a space", d -> d.put("name", "demo pipeline"), ValidationException.class,
            "ValidationException", "at 'pipeline.name'"),
        rule("role that is not a role ARN", d -> d.put("roleArn", "demo-codepipeline"), ValidationException.class,
            "ValidationException", "at 'pipeline.roleArn'"),
        rule("artifact store location of 2 characters", d -> ((ObjectNode) d.path("artifactStore")).put("location", "ab"),
            ValidationException.class, "ValidationException", "pipeline.artifactStore"),
        rule("QUEUED on a V1 pipeline", d -> d.put("pipelineType", "V1").put("executionMode", "QUEUED"),
            InvalidStructureException.class, "InvalidStructureException", "only supported for pipelines of type V2"),
        rule("one stage", d -> {
          ArrayNode stages = (ArrayNode) d.path("stages");
          stages.remove(2);
          stages.remove(1);
        },
            InvalidStructureException.class, "InvalidStructureException",
            "Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline"),
        rule("two stages with one name", d -> ((ObjectNode) d.path("stages").get(2)).put("name", "Build"),
            InvalidStructureException.class, "InvalidStructureException", "duplicate stage name 'Build'"),
        rule("a build first", d -> {
          ArrayNode stages = (ArrayNode) d.path("stages");
          stages.insert(0, stages.remove(1));
        }, InvalidStructureException.class, "InvalidStructureException", "can contain only source actions"),
        rule("a source after the first stage", d -> ((ArrayNode) d.path("stages")).add(((ObjectNode) d.path("stages").get(0))
            .deepCopy().put("name", "Again")), InvalidStructureException.class, "InvalidStructureException",
            "source actions can only be in the first stage"),
        rule("a provider typo", d -> ((ObjectNode) action(d, 1).path("actionTypeId")).put("provider", "CodeBiuld"),
            InvalidActionDeclarationException.class, "InvalidActionDeclarationException",
            "ActionType (Category: 'Build', Provider: 'CodeBiuld', Owner: 'AWS', Version: '1') in action 'Build' is not"
                + " available in region 'US_EAST_1'"),
        rule("no BranchName", d -> config(d, 0).remove("BranchName"), InvalidActionDeclarationException.class,
            "InvalidActionDeclarationException",
            "Action configuration for action 'Source' is missing required configuration 'BranchName'"),
        rule("a configuration key typo", d -> config(d, 2).put("Image1ContainerNmae", "IMAGE1_NAME"),
            InvalidActionDeclarationException.class, "InvalidActionDeclarationException",
            "contains unknown configuration 'Image1ContainerNmae'"),
        rule("a build without input", d -> ((ArrayNode) action(d, 1).path("inputArtifacts")).removeAll(),
            InvalidActionDeclarationException.class, "InvalidActionDeclarationException",
            "Action Build declares 0 input artifacts which is less than the minimum count (1)"),
        rule("an input nothing produces", d -> ((ObjectNode) action(d, 1).path("inputArtifacts").get(0))
            .put("name", "Src"), InvalidStructureException.class, "InvalidStructureException",
            "Input artifact 'Src' of action 'Build' is not the output artifact of any action that runs before it"),
        rule("an artifact name with a dot", d -> ((ObjectNode) action(d, 1).path("outputArtifacts").get(0))
            .put("name", "Build.Artifact"), ValidationException.class, "ValidationException",
            "artifacts.member.name"),
        rule("an image artifact that is not an input", d -> config(d, 2).put("Image1ArtifactName", "Other"),
            InvalidActionDeclarationException.class, "InvalidActionDeclarationException",
            "Image1ArtifactName 'Other' is not one of the action's input artifacts"),
        rule("runOrder 0", d -> action(d, 1).put("runOrder", 0), ValidationException.class, "ValidationException",
            "runOrder"));
  }

  private static Arguments rule(String what, Consumer<ObjectNode> change, Class<? extends AwsServiceException> type,
      String code, String fragment) {
    return Arguments.of(what, change, type, code, fragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStructures")
  void createPipeline_rejectsInvalidStructures(String what, Consumer<ObjectNode> change,
      Class<? extends AwsServiceException> type, String code, String fragment) {
    f.roles(UnaryOperator.identity());
    f.propagate();
    ObjectNode d = declaration();
    change.accept(d);
    assertAwsError(type, code, fragment, () -> create(d));
  }

  @Test
  void createPipeline_twice_isPipelineNameInUse() {
    f.withPipeline();
    assertAwsError(PipelineNameInUseException.class, "PipelineNameInUseException",
        "A pipeline with the name 'demo-pipeline' already exists", () -> f.createPipeline());
  }

  @Test
  void getPipeline_returnsTheDeclarationAndMetadata_andMissingOnesAreNotFound() {
    f.withPipeline();
    var got = cp.getPipeline(r -> r.name("demo-pipeline"));
    assertEquals("arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline", got.metadata().pipelineArn());
    assertEquals(PipelineDeclarations.from(declaration()).stages(), got.pipeline().stages());
    assertEquals("SUPERSEDED", got.pipeline().executionModeAsString());

    assertAwsError(PipelineNotFoundException.class, "PipelineNotFoundException",
        "Account '123456789012' does not have a pipeline with name 'other'", () -> cp.getPipeline(r -> r.name("other")));
    assertAwsError(PipelineVersionNotFoundException.class, "PipelineVersionNotFoundException", "version 2",
        () -> cp.getPipeline(r -> r.name("demo-pipeline").version(2)));
  }

  @Test
  void updatePipeline_bumpsTheVersion_andCancelsTheRunInProgress() {
    f.withPipeline();
    String first = f.latestExecutionId();
    ObjectNode d = declaration();
    config(d, 0).put("PollForSourceChanges", "false");
    var updated = cp.updatePipeline(r -> r.pipeline(PipelineDeclarations.from(d))).pipeline();

    assertEquals(2, updated.version());
    assertEquals("Cancelled", f.execution(first).statusAsString());
    assertAwsError(PipelineNotFoundException.class, "PipelineNotFoundException", "with name 'other'",
        () -> cp.updatePipeline(r -> r.pipeline(PipelineDeclarations.from(d.put("name", "other")))));
  }

  @Test
  void deletePipeline_removesItAndItsRuns_andDeletingAMissingOneSucceeds() {
    f.withPipeline();
    cp.deletePipeline(r -> r.name("demo-pipeline"));
    cp.deletePipeline(r -> r.name("demo-pipeline"));
    assertTrue(cp.listPipelines().pipelines().isEmpty());
    assertEquals(0, f.sandbox.account().state(CodePipelineState.class).executions.size());
  }

  @Test
  void listPipelines_andListPipelineExecutions_pageWithTheSdkPaginators() {
    f.withPipeline();
    for (String name : List.of("b-pipeline", "a-pipeline")) {
      create(declaration().put("name", name));
    }
    List<String> names = new ArrayList<>();
    cp.listPipelinesPaginator(r -> r.maxResults(1)).forEach(p -> names.addAll(p.pipelines().stream()
        .map(s -> s.name()).toList()));
    assertEquals(List.of("a-pipeline", "b-pipeline", "demo-pipeline"), names);

    List<String> started = new ArrayList<>(List.of(f.latestExecutionId()));
    for (int i = 0; i < 2; i++) {
      started.add(cp.startPipelineExecution(r -> r.name("demo-pipeline")).pipelineExecutionId());
    }
    List<PipelineExecutionSummary> runs = new ArrayList<>();
    cp.listPipelineExecutionsPaginator(r -> r.pipelineName("demo-pipeline").maxResults(2))
        .forEach(p -> runs.addAll(p.pipelineExecutionSummaries()));
    assertEquals(List.of(started.get(2), started.get(1), started.get(0)),
        runs.stream().map(PipelineExecutionSummary::pipelineExecutionId).toList());
    assertEquals("StartPipelineExecution", runs.get(0).trigger().triggerTypeAsString());
    assertEquals("arn:aws:iam::123456789012:user/sandbox-learner", runs.get(0).trigger().triggerDetail());
    assertAwsError(ValidationException.class, "ValidationException", "maxResults",
        () -> cp.listPipelineExecutions(r -> r.pipelineName("demo-pipeline").maxResults(101)));
  }

  @Test
  void tags_areAddedListedAndRemoved_byPipelineArn() {
    f.base();
    cp.createPipeline(f.pipelineRequest().tags(Tag.builder().key("bgwizard:setup").value("demo").build()).build());
    String arn = "arn:aws:codepipeline:us-east-1:123456789012:demo-pipeline";
    cp.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("blue").build()));
    assertEquals(List.of("bgwizard:setup", "team"), cp.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
        .map(Tag::key).toList());
    cp.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
    assertEquals(1, cp.listTagsForResource(r -> r.resourceArn(arn)).tags().size());

    assertAwsError(InvalidArnException.class, "InvalidArnException", "is not valid",
        () -> cp.listTagsForResource(r -> r.resourceArn("demo-pipeline")));
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFoundException",
        "does not include a pipeline with the name 'other'",
        () -> cp.listTagsForResource(r -> r.resourceArn("arn:aws:codepipeline:us-east-1:123456789012:other")));
    assertAwsError(InvalidTagsException.class, "InvalidTagsException", "reserved",
        () -> cp.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("aws:x").value("1").build())));
    List<Tag> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(Tag.builder().key("k" + i).value("v").build());
    }
    assertAwsError(TooManyTagsException.class, "TooManyTagsException", "at most 50",
        () -> cp.tagResource(r -> r.resourceArn(arn).tags(many)));
  }
}
