package org.bgwizard.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ImagePullCredentialsType;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.Tag;

/** CodeBuild projects driven by CodePipeline: source and artifacts come from and go to the pipeline. */
public final class BuildProjects {
  private static final int BATCH_GET_LIMIT = 100;
  private final AwsClients clients;

  /**
   * @param environment plain-text environment variables, in order
   * @param logGroup the CloudWatch Logs group the builds write to
   * @param buildspec the buildspec file of the source the builds run (ProjectSource.buildspec, CodeBuild API
   *     Reference: a path relative to the source's root); null: buildspec.yml
   */
  public record ProjectSpec(String name, String serviceRoleArn, String image, String computeType, boolean privileged,
      Map<String, String> environment, int timeoutMinutes, String logGroup, String buildspec) {

    /** A project that reads buildspec.yml from the source. */
    public ProjectSpec(String name, String serviceRoleArn, String image, String computeType, boolean privileged,
        Map<String, String> environment, int timeoutMinutes, String logGroup) {
      this(name, serviceRoleArn, image, computeType, privileged, environment, timeoutMinutes, logGroup, null);
    }
  }

  public BuildProjects(AwsClients clients) {
    this.clients = clients;
  }

  private CodeBuildClient codeBuild() {
    return clients.codeBuild();
  }

  public Optional<ProjectInfo> find(String name) {
    return codeBuild().batchGetProjects(r -> r.names(name)).projects().stream().findFirst().map(BuildProjects::info);
  }

  public ProjectInfo create(ProjectSpec spec, Map<String, String> tags) {
    return info(codeBuild().createProject(r -> r.name(spec.name())
        .serviceRole(spec.serviceRoleArn())
        .source(s -> s.type(SourceType.CODEPIPELINE).buildspec(spec.buildspec()))
        .artifacts(a -> a.type(ArtifactsType.CODEPIPELINE))
        .environment(environment(spec))
        .timeoutInMinutes(spec.timeoutMinutes())
        .logsConfig(l -> l.cloudWatchLogs(c -> c.status(LogsConfigStatusType.ENABLED).groupName(spec.logGroup())))
        .tags(tags(tags)))
        .project());
  }

  /**
   * Sets every field the setup decides (UpdateProject, CodeBuild API Reference: a given structure replaces the
   * project's, and {@code tags} replaces its tags, so pass the ones to keep as well).
   */
  public ProjectInfo update(ProjectSpec spec, Map<String, String> tags) {
    return info(codeBuild().updateProject(r -> r.name(spec.name())
        .serviceRole(spec.serviceRoleArn())
        .source(s -> s.type(SourceType.CODEPIPELINE).buildspec(spec.buildspec()))
        .artifacts(a -> a.type(ArtifactsType.CODEPIPELINE))
        .environment(environment(spec))
        .timeoutInMinutes(spec.timeoutMinutes())
        .logsConfig(l -> l.cloudWatchLogs(c -> c.status(LogsConfigStatusType.ENABLED).groupName(spec.logGroup())))
        .tags(tags(tags)))
        .project());
  }

  private static ProjectEnvironment environment(ProjectSpec spec) {
    List<EnvironmentVariable> variables = spec.environment().entrySet().stream()
        .map(e -> EnvironmentVariable.builder().name(e.getKey()).value(e.getValue())
            .type(EnvironmentVariableType.PLAINTEXT).build())
        .toList();
    return ProjectEnvironment.builder().type(EnvironmentType.LINUX_CONTAINER).image(spec.image())
        .computeType(ComputeType.fromValue(spec.computeType())).privilegedMode(spec.privileged())
        .imagePullCredentialsType(ImagePullCredentialsType.CODEBUILD).environmentVariables(variables).build();
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
  }

  public void delete(String name) {
    codeBuild().deleteProject(r -> r.name(name));
  }

  /** The ids of the project's builds that have not completed, among its newest hundred (ListBuildsForProject). */
  public List<String> runningBuilds(String project) {
    List<String> recent = codeBuild().listBuildsForProject(r -> r.projectName(project)).ids();
    if (recent.isEmpty()) {
      return List.of();
    }
    List<String> batch = recent.subList(0, Math.min(recent.size(), BATCH_GET_LIMIT));
    return codeBuild().batchGetBuilds(r -> r.ids(batch)).builds().stream()
        .filter(b -> !Boolean.TRUE.equals(b.buildComplete())).map(b -> b.id()).toList();
  }

  public void stopBuild(String id) {
    codeBuild().stopBuild(r -> r.id(id));
  }

  /** Every project with its tags. */
  public List<ProjectInfo> list() {
    List<String> names = codeBuild().listProjectsPaginator(r -> { }).projects().stream().toList();
    var out = new java.util.ArrayList<ProjectInfo>();
    for (int i = 0; i < names.size(); i += BATCH_GET_LIMIT) {
      var batch = names.subList(i, Math.min(names.size(), i + BATCH_GET_LIMIT));
      codeBuild().batchGetProjects(r -> r.names(batch)).projects().forEach(p -> out.add(info(p)));
    }
    return out;
  }

  private static ProjectInfo info(Project p) {
    var env = new LinkedHashMap<String, String>();
    var environment = p.environment();
    if (environment != null) {
      environment.environmentVariables().stream()
          .filter(v -> v.type() == null || v.type() == EnvironmentVariableType.PLAINTEXT)
          .forEach(v -> env.put(v.name(), v.value()));
    }
    var tags = new TreeMap<String, String>();
    p.tags().forEach(t -> tags.put(t.key(), t.value()));
    return new ProjectInfo(p.name(), p.arn(), p.serviceRole(), environment == null ? null : environment.image(),
        environment == null ? null : environment.computeTypeAsString(),
        environment != null && Boolean.TRUE.equals(environment.privilegedMode()), env,
        p.source() == null ? null : p.source().typeAsString(), p.timeoutInMinutes(), tags,
        p.source() == null || p.source().buildspec() == null || p.source().buildspec().isEmpty() ? null
            : p.source().buildspec(), logGroup(p));
  }

  private static String logGroup(Project p) {
    var cloudWatch = p.logsConfig() == null ? null : p.logsConfig().cloudWatchLogs();
    return cloudWatch == null || cloudWatch.status() != LogsConfigStatusType.ENABLED ? null : cloudWatch.groupName();
  }
}
