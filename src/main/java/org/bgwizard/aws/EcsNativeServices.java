package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Every ECS service of the account that deploys blue/green itself, for the dashboard's "open an existing deployment"
 * choice next to the CodeDeploy groups ({@link EcsDeploymentGroups}): the ECS deployment controller (a service
 * without one has ECS, "DeploymentController", Amazon ECS API Reference) with {@code deploymentConfiguration.strategy}
 * BLUE_GREEN, LINEAR or CANARY ("Amazon ECS blue/green deployments", "Amazon ECS linear deployments", "Amazon ECS
 * canary deployments"); ROLLING services have no blue/green to watch. A pipeline is named when one of its actions
 * deploys to the service with the Amazon ECS action (provider ECS, configuration ClusterName and ServiceName), with
 * its CodeCommit source when it has one. Every listing follows every page; DescribeServices takes at most 10 services
 * a call.
 */
public final class EcsNativeServices {
  private static final int DESCRIBE_BATCH = 10;
  private static final Set<String> BLUE_GREEN = Set.of("BLUE_GREEN", "LINEAR", "CANARY");
  private final AwsClients clients;

  public EcsNativeServices(AwsClients clients) {
    this.clients = clients;
  }

  /** The services sorted by cluster and service name, each with its strategy and the pipeline deploying to it. */
  public List<PickableTarget> targets() {
    Map<String, Pipeline> pipelines = null;
    List<PickableTarget> out = new ArrayList<>();
    for (String clusterArn : clients.ecs().listClustersPaginator(r -> { }).clusterArns()) {
      List<String> arns = clients.ecs().listServicesPaginator(r -> r.cluster(clusterArn)).serviceArns().stream()
          .toList();
      for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
        var batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
        for (Service s : clients.ecs().describeServices(r -> r.cluster(clusterArn).services(batch)).services()) {
          String strategy = strategy(s);
          if (strategy == null) {
            continue;
          }
          if (pipelines == null) {
            pipelines = pipelinesByService();
          }
          String cluster = nameIn(s.clusterArn() == null ? clusterArn : s.clusterArn());
          Pipeline p = pipelines.get(key(cluster, s.serviceName()));
          out.add(new PickableTarget(DeploymentTarget.ecsNative(cluster, s.serviceName(),
              p == null ? null : p.name(), p == null ? null : p.source()), strategy));
        }
      }
    }
    out.sort((a, b) -> key(a.target().ecsService().cluster(), a.target().ecsService().service())
        .compareTo(key(b.target().ecsService().cluster(), b.target().ecsService().service())));
    return out;
  }

  /** BLUE_GREEN, LINEAR or CANARY under the ECS controller; null for a rolling, CodeDeploy or external service. */
  private static String strategy(Service s) {
    boolean ecsController = s.deploymentController() == null
        || "ECS".equals(s.deploymentController().typeAsString());
    String strategy = s.deploymentConfiguration() == null ? null : s.deploymentConfiguration().strategyAsString();
    return ecsController && strategy != null && BLUE_GREEN.contains(strategy) && !"INACTIVE".equals(s.status())
        ? strategy : null;
  }

  private record Pipeline(String name, DeploymentTarget.SourceBranch source) {}

  private Map<String, Pipeline> pipelinesByService() {
    Map<String, Pipeline> byService = new HashMap<>();
    for (var summary : clients.codePipeline().listPipelinesPaginator(r -> { }).pipelines()) {
      var p = clients.codePipeline().getPipeline(r -> r.name(summary.name())).pipeline();
      List<ActionDeclaration> actions = p.stages().stream().map(StageDeclaration::actions).flatMap(List::stream)
          .toList();
      DeploymentTarget.SourceBranch source = EcsDeploymentGroups.codeCommitSource(actions);
      for (ActionDeclaration a : actions) {
        if ("ECS".equals(a.actionTypeId().provider()) && "Deploy".equals(a.actionTypeId().categoryAsString())) {
          Map<String, String> c = a.configuration();
          if (c.get("ClusterName") != null && c.get("ServiceName") != null) {
            byService.putIfAbsent(key(nameIn(c.get("ClusterName")), c.get("ServiceName")),
                new Pipeline(p.name(), source));
          }
        }
      }
    }
    return byService;
  }

  /** A cluster's name from its ARN ({@code arn:aws:ecs:REGION:ACCOUNT:cluster/NAME}) or the name itself. */
  private static String nameIn(String cluster) {
    int slash = cluster.lastIndexOf('/');
    return cluster.startsWith("arn:") && slash >= 0 ? cluster.substring(slash + 1) : cluster;
  }

  private static String key(String cluster, String service) {
    return cluster + "\u0000" + service;
  }
}
