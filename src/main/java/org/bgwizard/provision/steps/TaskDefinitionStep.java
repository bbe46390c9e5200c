package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.TaskDefinitions;
import org.bgwizard.aws.EcsResources;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaskDefinitionInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The task definition's first revision, running the initial image until the pipeline's first build. A newest
 * revision that matches the setup (the image aside: the pipeline replaces it) is used as it is, so a rerun
 * registers nothing. When the setup changes it (CPU, memory, port, environment…), a new revision is registered with
 * the image the service runs now, and the service step rolls it out through CodeDeploy.
 */
final class TaskDefinitionStep extends AwsStep<TaskDefinitionInfo> {

  TaskDefinitionStep(Setup setup, ResourceRef executionRole, ResourceRef logGroup) {
    super(setup, ResourceKind.TASK_DEFINITION, setup.spec().ecs().taskFamily(), Origin.CREATE,
        List.of(executionRole, logGroup), Duration.ofSeconds(1));
  }

  private String family() {
    return ref().name();
  }

  private ObjectNode document() {
    return document(setup.spec().container().initialImage());
  }

  private ObjectNode document(String image) {
    return TaskDefinitions.document(setup.spec(), setup.target(), image);
  }

  /** The image production runs (the service's revision), else the newest revision's, else the setup's first. */
  private String currentImage(StepContext ctx, Optional<TaskDefinitionInfo> latest) throws Exception {
    var ecs = setup.aws().ecs();
    var names = setup.spec().ecs();
    Optional<String> serving = call(ctx, "ecs DescribeServices " + names.service(),
        () -> ecs.findService(names.cluster(), names.service())).map(s -> s.taskDefinition());
    Optional<TaskDefinitionInfo> running = serving.isPresent() ? Optional.of(call(ctx, "ecs DescribeTaskDefinition "
        + serving.get(), () -> ecs.taskDefinition(serving.get()))) : latest;
    return running.map(TaskDefinitionStep::imageOf).filter(i -> !i.isEmpty())
        .orElse(setup.spec().container().initialImage());
  }

  @Override
  Optional<TaskDefinitionInfo> lookUp() {
    return setup.aws().ecs().latestTaskDefinition(family());
  }

  @Override
  PlanStatus compare(TaskDefinitionInfo found) {
    List<String> differences = differences(found);
    return differences.isEmpty() ? PlanStatus.update(List.of())
        : PlanStatus.update(List.of("revision " + found.revision() + " differs (" + String.join("; ", differences)
            + "): a new revision will be registered, with the image the service runs, and rolled out by a new"
            + " CodeDeploy deployment"));
  }

  private List<String> differences(TaskDefinitionInfo found) {
    JsonNode wanted = EcsResources.canonicalTaskDefinition(document());
    JsonNode have = found.document();
    JsonNode wantedContainers = wanted.path("containerDefinitions");
    JsonNode haveContainers = have.path("containerDefinitions");
    for (int i = 0; i < wantedContainers.size() && i < haveContainers.size(); i++) {
      ((ObjectNode) wantedContainers.get(i)).set("image", haveContainers.get(i).path("image"));
    }
    return JsonDiff.missingOrDifferent(wanted, have);
  }

  /** Whether {@code revision} runs the image of the revision {@code otherArn}; false when that cannot be read. */
  boolean sameImage(TaskDefinitionInfo revision, String otherArn) {
    try {
      return imageOf(revision).equals(imageOf(setup.aws().ecs().taskDefinition(otherArn)));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String imageOf(TaskDefinitionInfo revision) {
    return revision.document().path("containerDefinitions").path(0).path("image").asText("");
  }

  @Override
  String idOf(TaskDefinitionInfo found) {
    return found.arn();
  }

  /**
   * A later revision of the family is the same task definition: every release registers one (the CodeDeploy action
   * from taskdef.json, the Amazon ECS action from the service's revision with imagedefinitions.json's image).
   */
  @Override
  boolean sameResource(String recordedId, String foundId) {
    return familyOf(recordedId).equals(familyOf(foundId));
  }

  private static String familyOf(String revisionArn) {
    return revisionArn.replaceFirst(":\\d+$", "");
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var ecs = setup.aws().ecs();
    Optional<TaskDefinitionInfo> found = call(ctx, "ecs ListTaskDefinitions, DescribeTaskDefinition " + family(),
        () -> ecs.latestTaskDefinition(family()));
    if (found.isPresent() && differences(found.get()).isEmpty()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
      return withTags(outcome(found.get()));
    }
    String image = found.isPresent() ? currentImage(ctx, found) : setup.spec().container().initialImage();
    ctx.beforeCreate();
    TaskDefinitionInfo registered = call(ctx, "ecs RegisterTaskDefinition " + family(),
        () -> ecs.registerTaskDefinition(document(image), setup.tags()));
    ctx.created(Map.of("arn", registered.arn()));
    return withTags(outcome(registered));
  }

  private static StepOutcome outcome(TaskDefinitionInfo td) {
    return StepOutcome.of("arn", td.arn(), "family", td.family(), "revision", String.valueOf(td.revision()));
  }

  /** Deregisters every active revision of the family, those the pipeline registered included. */
  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    int count = call(ctx, "ecs DeregisterTaskDefinition " + family(), () -> setup.aws().ecs().deregisterFamily(family()));
    ctx.progress("deregistered " + count + " revision" + (count == 1 ? "" : "s") + " of " + family());
  }

  @Override
  public String cliEquivalent() {
    return "aws ecs register-task-definition --cli-input-json file://taskdef.json (image "
        + setup.spec().container().initialImage() + ") --tags " + setup.cliEcsTag();
  }
}
