package org.bgwizard.sandbox.codebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bgwizard.sandbox.codebuild.CodeBuildState.EnvVar;
import org.bgwizard.sandbox.core.ListKeys;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsResponse;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.CreateProjectResponse;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectResponse;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectResponse;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.ListProjectsResponse;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsLocation;
import software.amazon.awssdk.services.codebuild.model.PhaseContext;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildResponse;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildResponse;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectResponse;

/** CodeBuild: the project the pipeline's Build stage runs, and the builds it starts. */
public final class SandboxCodeBuildClient implements CodeBuildClient {
  private static final int PAGE = 100;
  private final SandboxAccount account;
  private final CodeBuildEngine engine;

  public SandboxCodeBuildClient(SandboxAccount account, CodeBuildEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateProjectResponse createProject(CreateProjectRequest r) {
    return account.call(Service.CODEBUILD, "CreateProject", () -> {
      var p = new CodeBuildState.Project();
      p.name = r.name();
      p.description = r.description();
      p.source = source(r.source());
      p.sourceVersion = r.sourceVersion();
      p.artifacts = artifacts(r.artifacts());
      p.environment = environment(r.environment());
      p.serviceRole = r.serviceRole();
      p.timeoutInMinutes = r.timeoutInMinutes() == null ? 60 : r.timeoutInMinutes();
      p.queuedTimeoutInMinutes = r.queuedTimeoutInMinutes() == null ? 480 : r.queuedTimeoutInMinutes();
      p.encryptionKey = r.encryptionKey();
      logs(p, r.logsConfig());
      engine.tag(p, tags(r.tags()));
      return CreateProjectResponse.builder().project(project(engine.create(p))).build();
    });
  }

  @Override
  public UpdateProjectResponse updateProject(UpdateProjectRequest r) {
    return account.call(Service.CODEBUILD, "UpdateProject", () -> {
      var updated = engine.update(r.name(), p -> {
        if (r.description() != null) {
          p.description = r.description();
        }
        if (r.source() != null) {
          p.source = source(r.source());
        }
        if (r.sourceVersion() != null) {
          p.sourceVersion = r.sourceVersion();
        }
        if (r.artifacts() != null) {
          p.artifacts = artifacts(r.artifacts());
        }
        if (r.environment() != null) {
          p.environment = environment(r.environment());
        }
        if (r.serviceRole() != null) {
          p.serviceRole = r.serviceRole();
        }
        if (r.timeoutInMinutes() != null) {
          p.timeoutInMinutes = r.timeoutInMinutes();
        }
        if (r.queuedTimeoutInMinutes() != null) {
          p.queuedTimeoutInMinutes = r.queuedTimeoutInMinutes();
        }
        if (r.encryptionKey() != null) {
          p.encryptionKey = r.encryptionKey();
        }
        logs(p, r.logsConfig());
        if (r.hasTags()) {
          // UpdateProject replaces the project's tags
          p.tags.clear();
          engine.tag(p, tags(r.tags()));
        }
      });
      return UpdateProjectResponse.builder().project(project(updated)).build();
    });
  }

  @Override
  public DeleteProjectResponse deleteProject(DeleteProjectRequest r) {
    return account.call(Service.CODEBUILD, "DeleteProject", () -> {
      engine.delete(r.name());
      return DeleteProjectResponse.builder().build();
    });
  }

  @Override
  public BatchGetProjectsResponse batchGetProjects(BatchGetProjectsRequest r) {
    return account.call(Service.CODEBUILD, "BatchGetProjects", () -> {
      checkBatch(r.names(), "names");
      List<Project> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String name : r.names()) {
        CodeBuildState.Project p = engine.findProject(name);
        if (p == null) {
          missing.add(name);
        } else {
          found.add(project(p));
        }
      }
      return BatchGetProjectsResponse.builder().projects(found).projectsNotFound(missing).build();
    });
  }

  @Override
  public ListProjectsResponse listProjects(ListProjectsRequest r) {
    return account.call(Service.CODEBUILD, "ListProjects", () -> {
      String sortBy = r.sortByAsString();
      boolean descending = "DESCENDING".equals(r.sortOrderAsString());
      Function<CodeBuildState.Project, String> key = p -> ListKeys.ordered(switch (sortBy == null ? "NAME" : sortBy) {
        case "CREATED_TIME" -> ListKeys.time(p.created) + "|" + p.name;
        case "LAST_MODIFIED_TIME" -> ListKeys.time(p.lastModified) + "|" + p.name;
        default -> p.name;
      }, descending);
      var page = ListPage.of(engine.projects(sortBy, descending), key, r.nextToken(), PAGE,
          () -> engine.invalid("Invalid next token"));
      return ListProjectsResponse.builder().projects(page.items().stream().map(p -> p.name).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public StartBuildResponse startBuild(StartBuildRequest r) {
    return account.call(Service.CODEBUILD, "StartBuild", () -> {
      List<EnvVar> overrides = r.environmentVariablesOverride().stream().map(SandboxCodeBuildClient::envVar).toList();
      var b = engine.start(r.projectName(), r.sourceVersion(), overrides, r.buildspecOverride(),
          r.privilegedModeOverride());
      return StartBuildResponse.builder().build(build(b)).build();
    });
  }

  @Override
  public StopBuildResponse stopBuild(StopBuildRequest r) {
    return account.call(Service.CODEBUILD, "StopBuild",
        () -> StopBuildResponse.builder().build(build(engine.stop(r.id()))).build());
  }

  @Override
  public BatchGetBuildsResponse batchGetBuilds(BatchGetBuildsRequest r) {
    return account.call(Service.CODEBUILD, "BatchGetBuilds", () -> {
      checkBatch(r.ids(), "ids");
      List<Build> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String id : r.ids()) {
        String key = id.startsWith("arn:") ? id.substring(id.indexOf("build/") + 6) : id;
        CodeBuildState.Build b = engine.build(key);
        if (b == null) {
          missing.add(id);
        } else {
          found.add(build(b));
        }
      }
      return BatchGetBuildsResponse.builder().builds(found).buildsNotFound(missing).build();
    });
  }

  @Override
  public ListBuildsForProjectResponse listBuildsForProject(ListBuildsForProjectRequest r) {
    return account.call(Service.CODEBUILD, "ListBuildsForProject", () -> {
      boolean ascending = "ASCENDING".equals(r.sortOrderAsString());
      List<CodeBuildState.Build> builds = new ArrayList<>(engine.builds(r.projectName()));
      if (ascending) {
        java.util.Collections.reverse(builds);
      }
      var page = ListPage.of(builds, b -> ListKeys.ordered(String.format("%019d", b.buildNumber), !ascending),
          r.nextToken(), PAGE, () -> engine.invalid("Invalid next token"));
      return ListBuildsForProjectResponse.builder().ids(page.items().stream().map(b -> b.id).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  private void checkBatch(List<String> items, String field) {
    if (items.isEmpty() || items.size() > 100) {
      throw engine.invalid("1 validation error detected: Value at '" + field + "' failed to satisfy constraint:"
          + " Member must have length less than or equal to 100 and greater than or equal to 1");
    }
  }

  // ---- request → state

  private static CodeBuildState.Source source(ProjectSource s) {
    if (s == null) {
      return null;
    }
    var out = new CodeBuildState.Source();
    out.type = s.typeAsString();
    out.location = s.location();
    out.buildspec = s.buildspec();
    out.gitCloneDepth = s.gitCloneDepth();
    return out;
  }

  private static CodeBuildState.Artifacts artifacts(ProjectArtifacts a) {
    if (a == null) {
      return null;
    }
    var out = new CodeBuildState.Artifacts();
    out.type = a.typeAsString();
    out.location = a.location();
    out.path = a.path();
    out.name = a.name();
    out.namespaceType = a.namespaceTypeAsString();
    out.packaging = a.packagingAsString();
    return out;
  }

  private static CodeBuildState.Environment environment(ProjectEnvironment e) {
    if (e == null) {
      return null;
    }
    var out = new CodeBuildState.Environment();
    out.type = e.typeAsString();
    out.image = e.image();
    out.computeType = e.computeTypeAsString();
    out.privilegedMode = Boolean.TRUE.equals(e.privilegedMode());
    out.imagePullCredentialsType = e.imagePullCredentialsTypeAsString() == null ? "CODEBUILD"
        : e.imagePullCredentialsTypeAsString();
    e.environmentVariables().forEach(v -> out.environmentVariables.add(envVar(v)));
    return out;
  }

  private static EnvVar envVar(EnvironmentVariable v) {
    var out = new EnvVar();
    out.name = v.name();
    out.value = v.value();
    out.type = v.typeAsString();
    return out;
  }

  private static void logs(CodeBuildState.Project p, LogsConfig config) {
    CloudWatchLogsConfig cw = config == null ? null : config.cloudWatchLogs();
    if (cw == null) {
      return;
    }
    p.logs.status = cw.statusAsString() == null ? "ENABLED" : cw.statusAsString();
    p.logs.groupName = cw.groupName();
    p.logs.streamName = cw.streamName();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  // ---- state → response

  private String encryptionKey(String given) {
    return given != null ? given : "arn:aws:kms:" + account.region() + ":" + account.accountId() + ":alias/aws/s3";
  }

  private Project project(CodeBuildState.Project p) {
    return Project.builder().name(p.name).arn(p.arn).description(p.description).source(source(p.source))
        .sourceVersion(p.sourceVersion).artifacts(artifacts(p.artifacts)).environment(environment(p.environment))
        .serviceRole(p.serviceRole).timeoutInMinutes(p.timeoutInMinutes).queuedTimeoutInMinutes(p.queuedTimeoutInMinutes)
        .encryptionKey(encryptionKey(p.encryptionKey)).created(p.created).lastModified(p.lastModified)
        .tags(p.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .logsConfig(LogsConfig.builder().cloudWatchLogs(CloudWatchLogsConfig.builder().status(p.logs.status)
            .groupName(p.logs.groupName).streamName(p.logs.streamName).build()).build())
        .projectVisibility("PRIVATE").build();
  }

  private static ProjectSource source(CodeBuildState.Source s) {
    return ProjectSource.builder().type(s.type).location(s.location).buildspec(s.buildspec)
        .gitCloneDepth(s.gitCloneDepth).build();
  }

  private static ProjectArtifacts artifacts(CodeBuildState.Artifacts a) {
    return ProjectArtifacts.builder().type(a.type).location(a.location).path(a.path).name(a.name)
        .namespaceType(a.namespaceType).packaging(a.packaging).build();
  }

  private static ProjectEnvironment environment(CodeBuildState.Environment e) {
    return ProjectEnvironment.builder().type(e.type).image(e.image).computeType(e.computeType)
        .privilegedMode(e.privilegedMode).imagePullCredentialsType(e.imagePullCredentialsType)
        .environmentVariables(e.environmentVariables.stream().map(v -> EnvironmentVariable.builder().name(v.name)
            .value(v.value).type(v.type).build()).toList())
        .build();
  }

  private Build build(CodeBuildState.Build b) {
    LogsLocation logs = null;
    if (b.logGroup != null) {
      logs = LogsLocation.builder().groupName(b.logGroup).streamName(b.logStream)
          .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=" + account.region() + "#logEvent:group="
              + b.logGroup + ";stream=" + b.logStream)
          .cloudWatchLogsArn("arn:aws:logs:" + account.region() + ":" + account.accountId() + ":log-group:"
              + b.logGroup + ":log-stream:" + b.logStream)
          .cloudWatchLogs(CloudWatchLogsConfig.builder().status("ENABLED").build()).build();
    }
    return Build.builder().id(b.id).arn(b.arn).buildNumber(b.buildNumber).startTime(b.startTime).endTime(b.endTime)
        .currentPhase(b.currentPhase).buildStatus(b.buildStatus).sourceVersion(b.sourceVersion)
        .resolvedSourceVersion(b.resolvedSourceVersion).projectName(b.projectName)
        .phases(b.phases.stream().map(SandboxCodeBuildClient::phase).toList())
        .source(source(b.source)).artifacts(BuildArtifacts.builder().location(b.artifacts.location).build())
        .environment(environment(b.environment)).serviceRole(b.serviceRole).logs(logs)
        .timeoutInMinutes(b.timeoutInMinutes).queuedTimeoutInMinutes(b.queuedTimeoutInMinutes)
        .buildComplete(b.buildComplete).initiator(b.initiator).encryptionKey(encryptionKey(null)).build();
  }

  private static BuildPhase phase(CodeBuildState.Phase p) {
    return BuildPhase.builder().phaseType(p.phaseType).phaseStatus(p.phaseStatus).startTime(p.startTime)
        .endTime(p.endTime).durationInSeconds(p.durationInSeconds)
        .contexts(p.contexts.isEmpty() ? null : p.contexts.stream()
            .map(c -> PhaseContext.builder().statusCode(c.statusCode).message(c.message).build()).toList())
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
