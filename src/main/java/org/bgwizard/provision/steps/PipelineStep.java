package org.bgwizard.provision.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.EnvironmentArtifacts;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.aws.PipelineInfo;
import org.bgwizard.aws.Pipelines;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/**
 * The pipeline: Source → Build → (Approval) → Deploy, as {@link PipelineStructure} declares it. CodePipeline
 * starts its first run at once. A new service role may not be assumable yet (catalogue row 15): retried.
 */
final class PipelineStep extends AwsStep<PipelineStep.Found> {
  /** A pipeline as found, with its tags (GetPipeline does not give them). */
  record Found(PipelineInfo pipeline, TagChanges.Read read, String previousTestUrl) {
    Found(PipelineInfo pipeline, TagChanges.Read read) {
      this(pipeline, read, null);
    }

    Map<String, String> tags() {
      return read.tags();
    }
  }

  static final String UPDATE_COMMAND = "aws codepipeline update-pipeline --cli-input-json file://pipeline.json";

  /** The connection step whose ARN the source action names, when the setup file gives none; else null. */
  private final ResourceRef connection;
  /**
   * The whole setup when this is one environment's pipeline (issue 15), else null: the environment's pipeline is
   * the one {@link PipelineStructure#declaration(SetupSpec, String, org.bgwizard.artifacts.Target, String)} declares
   * (with its Test stage and the approval inside Build), the same as the {@code files} command writes.
   */
  private final SetupSpec whole;

  PipelineStep(Setup setup, List<ResourceRef> dependsOn, ResourceRef connection) {
    this(setup, dependsOn, connection, null);
  }

  PipelineStep(Setup setup, List<ResourceRef> dependsOn, ResourceRef connection, SetupSpec whole) {
    super(setup, ResourceKind.PIPELINE, setup.spec().pipeline().name(), Origin.CREATE, dependsOn,
        Duration.ofSeconds(2));
    this.connection = connection;
    this.whole = whole;
  }

  private String name() {
    return ref().name();
  }

  /**
   * The load balancer of the environment before this gated one, whose test URL the approval request names (issue
   * 15: "the test URL of the environment before it"): a dependency when the setup creates it, so it exists and its
   * DNS name is known before this pipeline is made. Null when this pipeline has no such approval.
   */
  static ResourceRef previousLoadBalancer(SetupSpec whole, String environment) {
    Optional<EnvironmentSpec> before = previousEnvironment(whole, environment);
    if (before.isEmpty() || before.get().spec().loadBalancer().isExisting()) {
      return null;
    }
    return new ResourceRef(ResourceKind.LOAD_BALANCER.id(), before.get().spec().loadBalancer().name());
  }

  private static Optional<EnvironmentSpec> previousEnvironment(SetupSpec whole, String environment) {
    var env = whole.environments().find(environment);
    if (env.isEmpty() || !env.get().approval()) {
      return Optional.empty();
    }
    return whole.environments().previous(environment).flatMap(b -> Environments.expand(whole, b.name()));
  }

  /** The previous environment's test URL from its load balancer's DNS name; null when there is none to name. */
  private String previousTestUrl(Optional<String> dnsName) {
    if (whole == null || dnsName.isEmpty()) {
      return null;
    }
    int port = previousEnvironment(whole, EnvironmentArtifacts.environmentOf(setup.spec())).orElseThrow().spec()
        .loadBalancer().testPort();
    return "http://" + dnsName.get() + (port == 80 ? "" : ":" + port) + "/";
  }

  /** The previous environment's load balancer's DNS name as the account has it now (not the plan's cached look). */
  private Optional<String> previousDnsName() throws Exception {
    if (whole == null) {
      return Optional.empty();
    }
    Optional<EnvironmentSpec> before = previousEnvironment(whole, EnvironmentArtifacts.environmentOf(setup.spec()));
    if (before.isEmpty()) {
      return Optional.empty();
    }
    var lb = before.get().spec().loadBalancer();
    var elb = setup.aws().elb();
    return (lb.isExisting() ? elb.findLoadBalancerByArn(lb.existingArn()) : elb.findLoadBalancer(lb.name()))
        .map(org.bgwizard.aws.LoadBalancerInfo::dnsName);
  }

  private JsonNode declaration(String previousTestUrl) {
    return declarationOf(whole == null ? setup.spec() : whole, previousTestUrl);
  }

  /**
   * The pipeline {@code spec} declares: the setup's own, or this environment's of the whole setup {@code spec}, its
   * approval naming {@code previousTestUrl} (null: the previous environment's load balancer and port instead, as
   * the {@code files} command writes it before any load balancer exists).
   */
  private JsonNode declarationOf(SetupSpec spec, String previousTestUrl) {
    if (whole == null) {
      return PipelineStructure.declaration(spec, setup.target());
    }
    return PipelineStructure.declaration(spec, EnvironmentArtifacts.environmentOf(setup.spec()), setup.target(),
        previousTestUrl);
  }

  /** The declaration naming {@code connectionArn} in its source action (a connection found or made by apply). */
  private JsonNode declaration(String connectionArn, String previousTestUrl) {
    SetupSpec spec = whole == null ? setup.spec() : whole;
    Source s = spec.source();
    return connectionArn == null ? declaration(previousTestUrl) : declarationOf(spec.withSource(
        new Source(s.provider(), s.repository(), s.branch(), s.existingRepository(), s.commitStarterApp(),
            s.s3Bucket(), s.s3ObjectKey(), connectionArn, s.fullRepositoryId(), s.connectionName(),
            s.connectionProvider())), previousTestUrl);
  }

  @Override
  Optional<Found> lookUp() throws Exception {
    var pipelines = setup.aws().pipelines();
    Optional<PipelineInfo> found = pipelines.find(name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Found(found.get(), TagChanges.Read.of(() -> pipelines.tagsOf(setup.arns().pipeline())),
        previousTestUrl(previousDnsName())));
  }

  @Override
  PlanStatus compare(Found found) {
    // the connection's ARN is not in the setup file: the pipeline's own is checked by the connection step
    JsonNode expected = connection == null ? declaration(found.previousTestUrl()) : declaration(found.pipeline()
        .declaration().path("stages").path(0).path("actions").path(0).path("configuration").path("ConnectionArn")
        .asText(null), found.previousTestUrl());
    return compare(found.pipeline(), found.tags(), expected, setup.ours(found.tags()));
  }

  /**
   * A pipeline of this setup ({@code ours}) whose structure differs is updated in place with UpdatePipeline: its
   * stages, actions, their configuration (an older setup's source that still polls, {@code PollForSourceChanges}
   * true, is moved to the EventBridge rule), the artifact store and the role. One of the user's is refused.
   */
  private PlanStatus compare(PipelineInfo found, Map<String, String> tags, JsonNode expected, boolean ours) {
    List<Change> structure = structure(found, expected);
    if (!structure.isEmpty() && !ours) {
      return PlanStatus.refuse(structure.stream().map(c -> "The pipeline " + name() + ": " + c.field() + ": found "
          + c.from() + ", the setup wants " + c.to()).toList());
    }
    var changes = new ArrayList<>(structure);
    var commands = new ArrayList<String>();
    if (!structure.isEmpty()) {
      commands.add(UPDATE_COMMAND);
    }
    Map<String, String> missing = TagChanges.missing(setup, tags, ours);
    if (!missing.isEmpty()) {
      changes.addAll(TagChanges.changes(setup, tags));
      commands.add("aws codepipeline tag-resource --resource-arn " + setup.arns().pipeline() + " --tags "
          + TagChanges.cliList(missing).replace("Key=", "key=").replace(",Value=", ",value="));
    }
    return PlanStatus.update(changes, String.join(" && ", commands));
  }

  /** Where the pipeline's structure differs from {@code expected}, path by path. */
  private static List<Change> structure(PipelineInfo found, JsonNode expected) {
    return JsonDiff.changes(Pipelines.canonical(expected), found.declaration()).stream()
        .map(c -> c.from() == null ? new Change(c.field(), "none", c.to()) : c).toList();
  }

  @Override
  String idOf(Found found) {
    return setup.arns().pipeline();
  }

  @Override
  Map<String, String> tagsOf(Found found) throws Exception {
    return found.read().orThrow();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var pipelines = setup.aws().pipelines();
    String arn = setup.arns().pipeline();
    Optional<PipelineInfo> found = call(ctx, "codepipeline GetPipeline " + name(), () -> pipelines.find(name()));
    String previousTestUrl = previousTestUrl(previousDnsName(ctx));
    JsonNode declaration = connection == null ? declaration(previousTestUrl)
        : declaration(ctx.output(connection, "arn"), previousTestUrl);
    if (found.isEmpty()) {
      ctx.beforeCreate();
      creating(ctx, "codepipeline CreatePipeline " + name(), () -> pipelines.create(declaration, setup.tags()),
          () -> pipelines.find(name()).map(p -> new Found(p, new TagChanges.Read(pipelines.tagsOf(arn), null))));
      ctx.created(Map.of("arn", arn));
      return StepOutcome.of("arn", arn, "name", name());
    }
    Map<String, String> tags = call(ctx, "codepipeline ListTagsForResource " + name(), () -> pipelines.tagsOf(arn));
    claimIfTagged(ctx, new Found(found.get(), new TagChanges.Read(tags, null)));
    boolean ours = setup.ours(tags) || startedEarlier(ctx) || recordedAsOurs(ctx);
    PlanStatus status = compare(found.get(), tags, declaration, ours);
    if (status.refused()) {
      throw new IllegalStateException("The existing " + describe() + " cannot be used: "
          + String.join("; ", status.differences()));
    }
    if (!structure(found.get(), declaration).isEmpty()) {
      run(ctx, "codepipeline UpdatePipeline " + name(), () -> pipelines.update(declaration));
    }
    Map<String, String> missing = TagChanges.missing(setup, tags, ours);
    if (!missing.isEmpty()) {
      run(ctx, "codepipeline TagResource " + name(), () -> pipelines.tag(arn, missing));
    }
    return StepOutcome.of("arn", arn, "name", name());
  }

  /** The DNS name the previous environment's load balancer step recorded, else as the account has it now. */
  private Optional<String> previousDnsName(StepContext ctx) throws Exception {
    ResourceRef lb = whole == null ? null : previousLoadBalancer(whole, EnvironmentArtifacts.environmentOf(
        setup.spec()));
    if (lb != null && dependsOn().contains(lb)) {
      String recorded = ctx.outputs(lb).get("dnsName");
      if (recorded != null) {
        return Optional.of(recorded);
      }
    }
    return call(ctx, "elbv2 DescribeLoadBalancers (the previous environment's)", this::previousDnsName);
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
