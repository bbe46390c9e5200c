package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bgwizard.artifacts.Buildspec;
import org.bgwizard.aws.BuildProjects.ProjectSpec;
import org.bgwizard.aws.ProjectInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.CodeBuild;

/**
 * The CodeBuild project: privileged for Docker (catalogue row 22), the environment buildspec.yml reads, logs to
 * the setup's log group. A new service role may not be assumable yet (row 15): the retrier retries that.
 */
final class BuildProjectStep extends AwsStep<ProjectInfo> {
  /** The buildspec of the unit-test project environments share (issue 15): it runs before each image build. */
  static final String TEST_BUILDSPEC = org.bgwizard.artifacts.FileNames.BUILDSPEC_TEST;

  private final ResourceRef role;
  private final ResourceRef logGroup;
  private final String buildspec;
  private final boolean tests;

  BuildProjectStep(Setup setup, ResourceRef role, ResourceRef repository, ResourceRef logGroup) {
    this(setup, setup.spec().codeBuild().project(), null, role, List.of(role, repository, logGroup), logGroup);
  }

  /**
   * @param buildspec the source's buildspec file the builds run; null: buildspec.yml
   * @param dependsOn the steps it comes after (the role and log group among them)
   */
  private BuildProjectStep(Setup setup, String name, String buildspec, ResourceRef role, List<ResourceRef> dependsOn,
      ResourceRef logGroup) {
    super(setup, ResourceKind.BUILD_PROJECT, name, Origin.CREATE, dependsOn, Duration.ofSeconds(2));
    this.role = role;
    this.logGroup = logGroup;
    this.buildspec = buildspec;
    this.tests = buildspec != null;
  }

  /**
   * The image-build project every environment of a setup shares: after each environment's ECR repository, so that
   * any environment's pipeline finds its repository when it builds.
   */
  static BuildProjectStep shared(Setup whole, ResourceRef role, List<ResourceRef> repositories, ResourceRef logGroup) {
    var after = new java.util.ArrayList<ResourceRef>(List.of(role));
    after.addAll(repositories);
    after.add(logGroup);
    return new BuildProjectStep(whole, whole.spec().codeBuild().project(), null, role, after, logGroup);
  }

  /**
   * The unit-test project {@code <setup>-test} the environments' pipelines run before their image builds (issue 15):
   * the image-build project's role, image and logs, the source's {@value #TEST_BUILDSPEC}, no environment variables.
   */
  static BuildProjectStep tests(Setup whole, ResourceRef role, ResourceRef logGroup) {
    return new BuildProjectStep(whole, testProjectName(whole.spec()), TEST_BUILDSPEC, role, List.of(role, logGroup),
        logGroup);
  }

  /** {@code <setup>-test}. */
  static String testProjectName(org.bgwizard.setup.SetupSpec spec) {
    return org.bgwizard.artifacts.UnitTests.projectName(spec);
  }

  private String name() {
    return ref().name();
  }

  private CodeBuild codeBuild() {
    return setup.spec().codeBuild();
  }

  private Map<String, String> environment() {
    return tests ? Map.of() : Buildspec.projectEnvironment(setup.spec(), setup.target());
  }

  /** "buildspec.yml of the source", or the file this project runs. */
  private static String buildspecText(String file) {
    return (file == null ? "buildspec.yml" : file) + " of the source";
  }

  @Override
  Optional<ProjectInfo> lookUp() {
    return setup.aws().builds().find(name());
  }

  @Override
  PlanStatus compare(ProjectInfo found) {
    return compare(found, setup.ours(found.tags()));
  }

  /**
   * A project of this setup ({@code ours}) is updated in place, every field the setup decides; one of the user's
   * that differs cannot be used (an unprivileged one cannot run Docker, catalogue row 22).
   */
  private PlanStatus compare(ProjectInfo found, boolean ours) {
    List<Change> changes = changes(found, ours);
    if (ours || changes.isEmpty()) {
      return PlanStatus.update(changes, updateCommand(found));
    }
    return PlanStatus.refuse(changes.stream().map(c -> "The build project " + name() + " has " + c.field() + " "
        + c.from() + ", the setup wants " + c.to() + (c.field().equals("privileged mode")
            ? " (Docker cannot start without it, catalogue row 22)" : "")
        + "; change the setup to match, or delete the project").toList());
  }

  private List<Change> changes(ProjectInfo found, boolean ours) {
    var changes = new ArrayList<Change>();
    check(changes, "image", found.image(), codeBuild().image());
    check(changes, "compute type", found.computeType(), codeBuild().computeType());
    check(changes, "privileged mode", found.privileged(), codeBuild().privileged());
    check(changes, "service role", found.serviceRole(), setup.arns().codeBuildRole());
    check(changes, "source type", found.sourceType(), "CODEPIPELINE");
    var names = new TreeSet<>(environment().keySet());
    names.addAll(found.environment().keySet());
    names.forEach(key -> check(changes, "environment variable " + key, found.environment().getOrDefault(key, "none"),
        environment().getOrDefault(key, "none")));
    if (ours) {
      check(changes, "buildspec", found.buildspec() == null || !found.buildspec().contains("\n")
          ? buildspecText(found.buildspec()) : "inline", buildspecText(buildspec));
      check(changes, "timeout (minutes)", found.timeoutMinutes(), codeBuild().timeoutMinutes());
      check(changes, "log group", found.logGroup() == null ? "none" : found.logGroup(),
          setup.arns().codeBuildLogGroupName());
      changes.addAll(TagChanges.changes(setup, found.tags()));
    }
    return changes;
  }

  private static void check(List<Change> changes, String what, Object found, Object wanted) {
    Change change = Change.of(what, found, wanted);
    if (change != null) {
      changes.add(change);
    }
  }

  /** The update-project command: the whole environment, as UpdateProject replaces it. */
  private String updateCommand(ProjectInfo found) {
    Map<String, String> tags = tagsToKeep(found.tags());
    return "aws codebuild update-project --name " + name() + " --source type=CODEPIPELINE"
        + (buildspec == null ? "" : ",buildspec=" + buildspec) + " --artifacts"
        + " type=CODEPIPELINE --environment '" + environmentOption() + "' --service-role "
        + setup.arns().codeBuildRole() + " --timeout-in-minutes " + codeBuild().timeoutMinutes() + " " + logsOption()
        + " --tags " + String.join(" ", tags.entrySet().stream().map(e -> "key=" + e.getKey() + ",value="
            + e.getValue()).toList());
  }

  /** The project's tags with the setup's over them: UpdateProject replaces the tags, and the user's stay. */
  private Map<String, String> tagsToKeep(Map<String, String> found) {
    var tags = new TreeMap<>(found);
    tags.putAll(setup.tags());
    return tags;
  }

  @Override
  String idOf(ProjectInfo found) {
    return found.arn();
  }

  @Override
  Map<String, String> tagsOf(ProjectInfo found) {
    return found.tags();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var builds = setup.aws().builds();
    Optional<ProjectInfo> found = call(ctx, "codebuild BatchGetProjects " + name(), () -> builds.find(name()));
    var spec = new ProjectSpec(name(), ctx.output(role, "arn"), codeBuild().image(), codeBuild().computeType(),
        codeBuild().privileged(), environment(), codeBuild().timeoutMinutes(), ctx.output(logGroup, "name"),
        buildspec);
    ProjectInfo project;
    if (found.isPresent()) {
      project = found.get();
      claimIfTagged(ctx, project);
      boolean ours = setup.ours(project.tags()) || startedEarlier(ctx) || recordedAsOurs(ctx);
      PlanStatus status = compare(project, ours);
      if (status.refused()) {
        throw new IllegalStateException("The existing " + describe() + " cannot be used: "
            + String.join("; ", status.differences()));
      }
      if (!status.changes().isEmpty()) {
        project = call(ctx, "codebuild UpdateProject " + name(), () -> builds.update(spec,
            tagsToKeep(found.get().tags())));
      }
    } else {
      ctx.beforeCreate();
      project = creating(ctx, "codebuild CreateProject " + name(), () -> builds.create(spec, setup.tags()),
          () -> builds.find(name()));
      ctx.created(Map.of("arn", project.arn()));
    }
    return StepOutcome.of("arn", project.arn(), "name", name());
  }

  @Override
  public boolean hasWorkInFlight() {
    return true;
  }

  @Override
  public void quiesce(StepContext ctx, JournalEntry entry) throws Exception {
    InFlight.stopBuilds(ctx, setup.aws(), name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "codebuild DeleteProject " + name(), () -> setup.aws().builds().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws codebuild create-project --name " + name() + " --source type=CODEPIPELINE"
        + (buildspec == null ? "" : ",buildspec=" + buildspec) + " --artifacts"
        + " type=CODEPIPELINE --environment '" + environmentOption() + "' --service-role "
        + setup.arns().codeBuildRole() + " --timeout-in-minutes " + codeBuild().timeoutMinutes() + " " + logsOption()
        + " --tags " + setup.cliEcsTag();
  }

  private String environmentOption() {
    var env = new StringBuilder();
    environment().forEach((k, v) -> env.append(env.length() == 0 ? "" : ",").append("{name=").append(k)
        .append(",value=").append(v).append(",type=PLAINTEXT}"));
    return "type=LINUX_CONTAINER,image=" + codeBuild().image() + ",computeType=" + codeBuild().computeType()
        + ",privilegedMode=" + codeBuild().privileged() + ",imagePullCredentialsType=CODEBUILD,environmentVariables=["
        + env + "]";
  }

  private String logsOption() {
    return "--logs-config 'cloudWatchLogs={status=ENABLED,groupName=" + setup.arns().codeBuildLogGroupName() + "}'";
  }
}
