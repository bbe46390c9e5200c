package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.aws.PipelineInfo;
import org.bgwizard.aws.Pipelines;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Source;

/**
 * The pipeline: Source → Build → (Approval) → Deploy, as {@link PipelineStructure} declares it. CodePipeline
 * starts its first run at once. A new service role may not be assumable yet (catalogue row 15): retried.
 */
final class PipelineStep extends AwsStep<PipelineInfo> {

  /** The connection step whose ARN the source action names, when the setup file gives none; else null. */
  private final ResourceRef connection;

  PipelineStep(Setup setup, List<ResourceRef> dependsOn, ResourceRef connection) {
    super(setup, ResourceKind.PIPELINE, setup.spec().pipeline().name(), Origin.CREATE, dependsOn,
        Duration.ofSeconds(2));
    this.connection = connection;
  }

  private String name() {
    return ref().name();
  }

  private JsonNode declaration() {
    return PipelineStructure.declaration(setup.spec(), setup.target());
  }

  /** The declaration naming {@code connectionArn} in its source action (a connection found or made by apply). */
  private JsonNode declaration(String connectionArn) {
    Source s = setup.spec().source();
    return connectionArn == null ? declaration() : PipelineStructure.declaration(setup.spec().withSource(
        new Source(s.provider(), s.repository(), s.branch(), s.existingRepository(), s.commitStarterApp(),
            s.s3Bucket(), s.s3ObjectKey(), connectionArn, s.fullRepositoryId(), s.connectionName(),
            s.connectionProvider())), setup.target());
  }

  @Override
  Optional<PipelineInfo> lookUp() {
    return setup.aws().pipelines().find(name());
  }

  @Override
  PlanStatus compare(PipelineInfo found) {
    // the connection's ARN is not in the setup file: the pipeline's own is checked by the connection step
    JsonNode expected = connection == null ? declaration() : declaration(found.declaration().path("stages").path(0)
        .path("actions").path(0).path("configuration").path("ConnectionArn").asText(null));
    List<String> differences = JsonDiff.missingOrDifferent(Pipelines.canonical(expected), found.declaration());
    if (differences.isEmpty()) {
      return PlanStatus.update(List.of());
    }
    return PlanStatus.refuse(differences.stream().map(d -> "The pipeline " + name() + ": " + d).toList());
  }

  @Override
  String idOf(PipelineInfo found) {
    return setup.arns().pipeline();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var pipelines = setup.aws().pipelines();
    Optional<PipelineInfo> found = call(ctx, "codepipeline GetPipeline " + name(), () -> pipelines.find(name()));
    found.ifPresent(this::requireUsable);
    if (found.isEmpty()) {
      ctx.beforeCreate();
      JsonNode declaration = connection == null ? declaration() : declaration(ctx.output(connection, "arn"));
      run(ctx, "codepipeline CreatePipeline " + name(), () -> pipelines.create(declaration, setup.tags()));
      ctx.created(Map.of("arn", setup.arns().pipeline()));
    }
    return StepOutcome.of("arn", setup.arns().pipeline(), "name", name());
  }

  @Override
  public boolean hasWorkInFlight() {
    return true;
  }

  @Override
  public void quiesce(StepContext ctx, JournalEntry entry) throws Exception {
    InFlight.stopPipelineRuns(ctx, setup.aws(), name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "codepipeline DeletePipeline " + name(), () -> setup.aws().pipelines().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws codepipeline create-pipeline --cli-input-json file://pipeline.json --tags " + setup.cliTag();
  }
}
