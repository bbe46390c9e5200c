package org.bgwizard.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AppSpecContent;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.Tag;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;

/** CodeDeploy applications (compute platform ECS) and their blue/green deployment groups. */
public final class CodeDeployResources {
  private final AwsClients clients;

  /**
   * A blue/green deployment group for one ECS service.
   *
   * @param rerouteWaitMinutes null to reroute production traffic as soon as green is ready
   */
  public record DeploymentGroupSpec(String application, String name, String serviceRoleArn, String deploymentConfig,
      String cluster, String service, String targetGroup1, String targetGroup2, String productionListenerArn,
      String testListenerArn, Integer rerouteWaitMinutes, int terminationWaitMinutes, boolean autoRollback) {}

  public CodeDeployResources(AwsClients clients) {
    this.clients = clients;
  }

  private CodeDeployClient codeDeploy() {
    return clients.codeDeploy();
  }

  /** The application's compute platform, if the application exists. */
  public Optional<String> findApplication(String name) {
    try {
      return Optional.of(codeDeploy().getApplication(r -> r.applicationName(name)).application()
          .computePlatformAsString());
    } catch (ApplicationDoesNotExistException e) {
      return Optional.empty();
    }
  }

  /**
   * A deployment group, and whether its application exists: GetDeploymentGroup answers ApplicationDoesNotExist for
   * a missing application and DeploymentGroupDoesNotExist for a missing group (CodeDeploy API Reference,
   * GetDeploymentGroup), so one call tells both.
   */
  public record GroupLookup(boolean applicationExists, Optional<DeploymentGroupInfo> group) {}

  public GroupLookup lookUpGroup(String application, String name) {
    try {
      return new GroupLookup(true, Optional.of(info(codeDeploy().getDeploymentGroup(r -> r.applicationName(application)
          .deploymentGroupName(name)).deploymentGroupInfo())));
    } catch (DeploymentGroupDoesNotExistException e) {
      return new GroupLookup(true, Optional.empty());
    } catch (ApplicationDoesNotExistException e) {
      return new GroupLookup(false, Optional.empty());
    }
  }

  public void createApplication(String name, Map<String, String> tags) {
    codeDeploy().createApplication(r -> r.applicationName(name).computePlatform(ComputePlatform.ECS).tags(tags(tags)));
  }

  /** Deletes the application and its deployment groups. */
  public void deleteApplication(String name) {
    codeDeploy().deleteApplication(r -> r.applicationName(name));
  }

  public List<String> applications() {
    return codeDeploy().listApplicationsPaginator(r -> { }).applications().stream().toList();
  }

  public Optional<DeploymentGroupInfo> findDeploymentGroup(String application, String name) {
    try {
      return Optional.of(info(codeDeploy().getDeploymentGroup(r -> r.applicationName(application)
          .deploymentGroupName(name)).deploymentGroupInfo()));
    } catch (DeploymentGroupDoesNotExistException | ApplicationDoesNotExistException e) {
      return Optional.empty();
    }
  }

  public void createDeploymentGroup(DeploymentGroupSpec spec, Map<String, String> tags) {
    Definition d = definition(spec);
    codeDeploy().createDeploymentGroup(r -> r.applicationName(spec.application()).deploymentGroupName(spec.name())
        .serviceRoleArn(spec.serviceRoleArn()).deploymentConfigName(spec.deploymentConfig())
        .deploymentStyle(d.style()).blueGreenDeploymentConfiguration(d.blueGreen()).ecsServices(d.service())
        .loadBalancerInfo(d.loadBalancer()).autoRollbackConfiguration(d.rollback()).tags(tags(tags)));
  }

  /** Replaces the group's settings with {@code spec}'s (its name, application and service stay). */
  public void updateDeploymentGroup(DeploymentGroupSpec spec) {
    Definition d = definition(spec);
    codeDeploy().updateDeploymentGroup(r -> r.applicationName(spec.application())
        .currentDeploymentGroupName(spec.name()).serviceRoleArn(spec.serviceRoleArn())
        .deploymentConfigName(spec.deploymentConfig()).deploymentStyle(d.style())
        .blueGreenDeploymentConfiguration(d.blueGreen()).ecsServices(d.service()).loadBalancerInfo(d.loadBalancer())
        .autoRollbackConfiguration(d.rollback()));
  }

  /** The parts of a deployment group request that create and update share. */
  private record Definition(DeploymentStyle style, BlueGreenDeploymentConfiguration blueGreen, ECSService service,
      LoadBalancerInfo loadBalancer, AutoRollbackConfiguration rollback) {}

  private static Definition definition(DeploymentGroupSpec spec) {
    boolean immediately = spec.rerouteWaitMinutes() == null;
    DeploymentReadyOption.Builder ready = DeploymentReadyOption.builder().actionOnTimeout(immediately
        ? DeploymentReadyAction.CONTINUE_DEPLOYMENT : DeploymentReadyAction.STOP_DEPLOYMENT);
    if (!immediately) {
      ready.waitTimeInMinutes(spec.rerouteWaitMinutes());
    }
    return new Definition(
        DeploymentStyle.builder().deploymentType(DeploymentType.BLUE_GREEN)
            .deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL).build(),
        BlueGreenDeploymentConfiguration.builder().deploymentReadyOption(ready.build())
            .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE)
                .terminationWaitTimeInMinutes(spec.terminationWaitMinutes())).build(),
        ECSService.builder().clusterName(spec.cluster()).serviceName(spec.service()).build(),
        LoadBalancerInfo.builder().targetGroupPairInfoList(TargetGroupPairInfo.builder()
            .targetGroups(TargetGroupInfo.builder().name(spec.targetGroup1()).build(),
                TargetGroupInfo.builder().name(spec.targetGroup2()).build())
            .prodTrafficRoute(p -> p.listenerArns(spec.productionListenerArn()))
            .testTrafficRoute(t -> t.listenerArns(spec.testListenerArn()))
            .build()).build(),
        AutoRollbackConfiguration.builder().enabled(spec.autoRollback())
            .events(spec.autoRollback() ? List.of(AutoRollbackEvent.DEPLOYMENT_FAILURE,
                AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST) : List.of()).build());
  }

  /** The group's deployments that have not ended (Created, Queued, InProgress, Baking, Ready). */
  public List<String> activeDeployments(String application, String group) {
    return codeDeploy().listDeploymentsPaginator(r -> r.applicationName(application).deploymentGroupName(group)
        .includeOnlyStatuses(DeploymentStatus.CREATED, DeploymentStatus.QUEUED, DeploymentStatus.IN_PROGRESS,
            DeploymentStatus.BAKING, DeploymentStatus.READY)).deployments().stream().toList();
  }

  /**
   * CreateDeployment of an ECS revision given inline (AppSpecContent, whose TaskDefinition is a registered
   * revision's ARN); returns the deployment id. CodeDeploy takes no idempotency token here: a caller resuming after a
   * lost response looks at the group's active deployments first ({@link #appSpecContent}).
   */
  public String createEcsDeployment(String application, String group, String appSpec, String description) {
    return codeDeploy().createDeployment(r -> r.applicationName(application).deploymentGroupName(group)
        .description(description).revision(v -> v.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
            .appSpecContent(c -> c.content(appSpec)))).deploymentId();
  }

  /** The inline appspec a deployment was created with; empty for an S3 revision (as a pipeline's). */
  public Optional<String> appSpecContent(String deploymentId) {
    RevisionLocation revision = codeDeploy().getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo()
        .revision();
    return Optional.ofNullable(revision).map(RevisionLocation::appSpecContent).map(AppSpecContent::content);
  }

  /** StopDeployment with auto-rollback: traffic returns to the original task set. */
  public void stopAndRollBack(String deploymentId) {
    codeDeploy().stopDeployment(r -> r.deploymentId(deploymentId).autoRollbackEnabled(true));
  }

  public void deleteDeploymentGroup(String application, String name) {
    codeDeploy().deleteDeploymentGroup(r -> r.applicationName(application).deploymentGroupName(name));
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new TreeMap<String, String>();
    codeDeploy().listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static DeploymentGroupInfo info(software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo g) {
    var pair = g.loadBalancerInfo() == null || g.loadBalancerInfo().targetGroupPairInfoList().isEmpty() ? null
        : g.loadBalancerInfo().targetGroupPairInfoList().get(0);
    var ecs = g.ecsServices().isEmpty() ? null : g.ecsServices().get(0);
    var blueGreen = g.blueGreenDeploymentConfiguration();
    var ready = blueGreen == null ? null : blueGreen.deploymentReadyOption();
    var terminate = blueGreen == null ? null : blueGreen.terminateBlueInstancesOnDeploymentSuccess();
    return new DeploymentGroupInfo(g.applicationName(), g.deploymentGroupName(), g.deploymentGroupId(),
        g.serviceRoleArn(), g.deploymentConfigName(), ecs == null ? null : ecs.clusterName(),
        ecs == null ? null : ecs.serviceName(),
        pair == null ? List.of() : pair.targetGroups().stream().map(TargetGroupInfo::name).toList(),
        pair == null || pair.prodTrafficRoute() == null ? List.of() : pair.prodTrafficRoute().listenerArns(),
        pair == null || pair.testTrafficRoute() == null ? List.of() : pair.testTrafficRoute().listenerArns(),
        ready == null ? null : ready.actionOnTimeoutAsString(), ready == null ? null : ready.waitTimeInMinutes(),
        terminate == null ? null : terminate.terminationWaitTimeInMinutes(),
        g.autoRollbackConfiguration() != null && Boolean.TRUE.equals(g.autoRollbackConfiguration().enabled()),
        g.computePlatformAsString());
  }
}
