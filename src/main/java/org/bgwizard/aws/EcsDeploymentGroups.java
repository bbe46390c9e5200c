package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.deploy.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;

/**
 * Every CodeDeploy deployment group of an ECS application in the account, for the dashboard's "open an existing
 * deployment" choice: it works on groups this app did not create. A pipeline is named when one of its actions
 * deploys to the group (provider CodeDeployToECS), with its CodeCommit source when it has one. Every listing follows
 * every page; the pipelines cost one GetPipeline each.
 */
public final class EcsDeploymentGroups {
  /** BatchGetApplications takes at most 100 names per call. */
  private static final int BATCH = 100;
  private final AwsClients clients;

  public EcsDeploymentGroups(AwsClients clients) {
    this.clients = clients;
  }

  /** The groups sorted by application and group name, each with the pipeline deploying to it (or none). */
  public List<DeploymentTarget> targets() {
    Map<String, Pipeline> pipelines = pipelinesByGroup();
    List<DeploymentTarget> out = new ArrayList<>();
    for (String app : ecsApplications()) {
      for (String group : clients.codeDeploy().listDeploymentGroupsPaginator(r -> r.applicationName(app))
          .deploymentGroups()) {
        Pipeline p = pipelines.get(key(app, group));
        out.add(new DeploymentTarget(app, group, p == null ? null : p.name(), p == null ? null : p.source()));
      }
    }
    out.sort((a, b) -> key(a.application(), a.deploymentGroup()).compareTo(key(b.application(), b.deploymentGroup())));
    return out;
  }

  private List<String> ecsApplications() {
    List<String> names = clients.codeDeploy().listApplicationsPaginator(r -> { }).applications().stream().toList();
    List<String> ecs = new ArrayList<>();
    for (int i = 0; i < names.size(); i += BATCH) {
      var batch = names.subList(i, Math.min(names.size(), i + BATCH));
      clients.codeDeploy().batchGetApplications(r -> r.applicationNames(batch)).applicationsInfo().stream()
          .filter(a -> a.computePlatform() == ComputePlatform.ECS).map(ApplicationInfo::applicationName)
          .forEach(ecs::add);
    }
    return ecs;
  }

  private record Pipeline(String name, DeploymentTarget.SourceBranch source) {}

  private Map<String, Pipeline> pipelinesByGroup() {
    Map<String, Pipeline> byGroup = new HashMap<>();
    for (var summary : clients.codePipeline().listPipelinesPaginator(r -> { }).pipelines()) {
      PipelineDeclaration p = clients.codePipeline().getPipeline(r -> r.name(summary.name())).pipeline();
      List<ActionDeclaration> actions = p.stages().stream().map(StageDeclaration::actions).flatMap(List::stream)
          .toList();
      DeploymentTarget.SourceBranch source = codeCommitSource(actions);
      for (ActionDeclaration a : actions) {
        if (a.actionTypeId().provider().equals("CodeDeployToECS")) {
          Map<String, String> c = a.configuration();
          byGroup.putIfAbsent(key(c.get("ApplicationName"), c.get("DeploymentGroupName")),
              new Pipeline(p.name(), source));
        }
      }
    }
    return byGroup;
  }

  /** The pipeline's one CodeCommit source branch; none when it has another kind of source, or several. */
  static DeploymentTarget.SourceBranch codeCommitSource(List<ActionDeclaration> actions) {
    List<ActionDeclaration> sources = actions.stream()
        .filter(a -> a.actionTypeId().categoryAsString().equals("Source")).toList();
    if (sources.size() != 1 || !sources.get(0).actionTypeId().provider().equals("CodeCommit")) {
      return null;
    }
    Map<String, String> c = sources.get(0).configuration();
    String repository = c.get("RepositoryName");
    String branch = c.get("BranchName");
    return repository == null || branch == null ? null : new DeploymentTarget.SourceBranch(repository, branch);
  }

  private static String key(String application, String group) {
    return application + "\u0000" + group;
  }
}
