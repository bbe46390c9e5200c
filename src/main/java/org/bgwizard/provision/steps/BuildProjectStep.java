package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
  private final ResourceRef role;
  private final ResourceRef logGroup;

  BuildProjectStep(Setup setup, ResourceRef role, ResourceRef repository, ResourceRef logGroup) {
    super(setup, ResourceKind.BUILD_PROJECT, setup.spec().codeBuild().project(), Origin.CREATE,
        List.of(role, repository, logGroup), Duration.ofSeconds(2));
    this.role = role;
    this.logGroup = logGroup;
  }

  private String name() {
    return ref().name();
  }

  private CodeBuild codeBuild() {
    return setup.spec().codeBuild();
  }

  private Map<String, String> environment() {
    return Buildspec.projectEnvironment(setup.spec(), setup.target());
  }

  @Override
  Optional<ProjectInfo> lookUp() {
    return setup.aws().builds().find(name());
  }

  @Override
  PlanStatus compare(ProjectInfo found) {
    var problems = new ArrayList<String>();
    if (!found.privileged()) {
      problems.add("runs unprivileged, so Docker cannot start (catalogue row 22)");
    }
    check(problems, "image", found.image(), codeBuild().image());
    check(problems, "compute type", found.computeType(), codeBuild().computeType());
    check(problems, "service role", found.serviceRole(), setup.arns().codeBuildRole());
    check(problems, "source type", found.sourceType(), "CODEPIPELINE");
    environment().forEach((key, value) -> check(problems, "environment variable " + key,
        found.environment().get(key), value));
    if (problems.isEmpty()) {
      return PlanStatus.update(List.of());
    }
    return PlanStatus.refuse(problems.stream().map(p -> "The build project " + name() + " " + p
        + "; change the setup to match, or delete the project").toList());
  }

  private static void check(List<String> problems, String what, Object found, Object wanted) {
    if (!Objects.equals(found, wanted)) {
      problems.add("has " + what + " " + found + ", the setup wants " + wanted);
    }
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
    found.ifPresent(this::requireUsable);
    ProjectInfo project;
    if (found.isPresent()) {
      project = found.get();
    } else {
      ctx.beforeCreate();
      var spec = new ProjectSpec(name(), ctx.output(role, "arn"), codeBuild().image(), codeBuild().computeType(),
          codeBuild().privileged(), environment(), codeBuild().timeoutMinutes(), ctx.output(logGroup, "name"));
      project = call(ctx, "codebuild CreateProject " + name(), () -> builds.create(spec, setup.tags()));
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
    var env = new StringBuilder();
    environment().forEach((k, v) -> env.append(env.length() == 0 ? "" : ",").append("{name=").append(k)
        .append(",value=").append(v).append(",type=PLAINTEXT}"));
    return "aws codebuild create-project --name " + name() + " --source type=CODEPIPELINE --artifacts"
        + " type=CODEPIPELINE --environment 'type=LINUX_CONTAINER,image=" + codeBuild().image() + ",computeType="
        + codeBuild().computeType() + ",privilegedMode=" + codeBuild().privileged()
        + ",imagePullCredentialsType=CODEBUILD,environmentVariables=[" + env + "]' --service-role "
        + setup.arns().codeBuildRole() + " --timeout-in-minutes " + codeBuild().timeoutMinutes()
        + " --logs-config 'cloudWatchLogs={status=ENABLED,groupName=" + setup.arns().codeBuildLogGroupName() + "}'"
        + " --tags " + setup.cliEcsTag();
  }
}
