package org.bgwizard.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgwizard.deploy.NativeConfig;
import org.bgwizard.deploy.NativeDeployment;
import org.bgwizard.deploy.NativeDeploymentCommands;
import org.bgwizard.deploy.NativeDeploymentReader;
import org.bgwizard.deploy.ReadFailure;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookAction;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;

/**
 * The reads and writes of an ECS built-in blue/green deployment through the SDK clients (ECS API Reference:
 * ListServiceDeployments, DescribeServiceDeployments, ContinueServiceDeployment, StopServiceDeployment; ELBv2
 * DescribeRules). Each method is one API call.
 */
public final class SdkServiceDeployments implements NativeDeploymentReader, NativeDeploymentCommands {
  private static final int LISTED = 10;
  private final AwsClients clients;

  public SdkServiceDeployments(AwsClients clients) {
    this.clients = clients;
  }

  private static <T> T call(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      AwsError error = AwsErrors.describe(e);
      throw new ReadFailure(error.toString(), error.throttling(), e);
    }
  }

  @Override
  public NativeConfig nativeService(String cluster, String service) {
    return call(() -> {
      var s = clients.ecs().describeServices(r -> r.cluster(cluster).services(service)).services().get(0);
      DeploymentConfiguration c = s.deploymentConfiguration();
      var lb = s.loadBalancers().isEmpty() ? null : s.loadBalancers().get(0);
      var advanced = lb == null ? null : lb.advancedConfiguration();
      List<DeploymentLifecycleHook> pauses = c == null ? List.of() : c.lifecycleHooks().stream()
          .filter(h -> "PAUSE".equals(h.targetTypeAsString())).toList();
      var timeout = pauses.isEmpty() ? null : pauses.get(0).timeoutConfiguration();
      return new NativeConfig(cluster, service,
          s.deploymentController() == null ? "ECS" : s.deploymentController().typeAsString(),
          c == null || c.strategy() == null ? "ROLLING" : c.strategyAsString(),
          c == null || c.bakeTimeInMinutes() == null ? 0 : c.bakeTimeInMinutes(),
          lb == null ? null : lb.targetGroupArn(),
          advanced == null ? null : advanced.alternateTargetGroupArn(),
          advanced == null ? null : advanced.productionListenerRule(),
          advanced == null ? null : advanced.testListenerRule(),
          pauses.stream().flatMap(h -> h.lifecycleStagesAsStrings().stream()).toList(),
          timeout == null ? null : timeout.timeoutInMinutes(),
          timeout == null ? null : timeout.actionAsString());
    });
  }

  @Override
  public List<String> serviceDeploymentArns(String cluster, String service) {
    return call(() -> clients.ecs().listServiceDeployments(r -> r.cluster(cluster).service(service)
            .maxResults(LISTED)).serviceDeployments().stream()
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .map(d -> d.serviceDeploymentArn()).toList());
  }

  @Override
  public List<NativeDeployment> serviceDeployments(List<String> arns) {
    if (arns.isEmpty()) {
      return List.of();
    }
    return call(() -> {
      Map<String, NativeDeployment> byArn = new LinkedHashMap<>();
      clients.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arns)).serviceDeployments()
          .forEach(d -> byArn.put(d.serviceDeploymentArn(), view(d)));
      return arns.stream().filter(byArn::containsKey).map(byArn::get).toList();
    });
  }

  private static NativeDeployment view(ServiceDeployment d) {
    return new NativeDeployment(d.serviceDeploymentArn(), d.statusAsString(), d.lifecycleStageAsString(),
        d.statusReason(), d.createdAt(), d.startedAt(), d.finishedAt(), d.updatedAt(),
        d.targetServiceRevision() == null ? null : d.targetServiceRevision().arn(),
        d.deploymentConfiguration() == null ? null : d.deploymentConfiguration().bakeTimeInMinutes(),
        d.lifecycleHookDetails().stream().map(h -> new NativeDeployment.Hook(h.hookId(), h.targetTypeAsString(),
            h.statusAsString(), h.expiresAt(), h.timeoutActionAsString())).toList());
  }

  @Override
  public Map<String, Integer> ruleWeights(String ruleArn) {
    return call(() -> {
      var rule = clients.elbv2().describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);
      Map<String, Integer> weights = new LinkedHashMap<>();
      for (Action a : rule.actions()) {
        if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
          a.forwardConfig().targetGroups().forEach(t -> weights.put(t.targetGroupArn(),
              t.weight() == null ? 1 : t.weight()));
        } else if (a.targetGroupArn() != null) {
          weights.put(a.targetGroupArn(), 1);
        }
      }
      return weights;
    });
  }

  @Override
  public void continueServiceDeployment(String serviceDeploymentArn, String hookId, boolean rollback) {
    clients.ecs().continueServiceDeployment(r -> r.serviceDeploymentArn(serviceDeploymentArn).hookId(hookId)
        .action(rollback ? DeploymentLifecycleHookAction.ROLLBACK : DeploymentLifecycleHookAction.CONTINUE));
  }

  @Override
  public void stopServiceDeployment(String serviceDeploymentArn) {
    clients.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(serviceDeploymentArn)
        .stopType(StopServiceDeploymentStopType.ROLLBACK));
  }
}
