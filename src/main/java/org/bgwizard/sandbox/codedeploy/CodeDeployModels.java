package org.bgwizard.sandbox.codedeploy;

import org.bgwizard.sandbox.core.TagLists;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Application;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Deployment;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.DeploymentGroup;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOverview;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.ErrorInformation;
import software.amazon.awssdk.services.codedeploy.model.LastDeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;
import software.amazon.awssdk.services.codedeploy.model.Tag;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoute;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingConfig;

/** Sandbox state to CodeDeploy SDK model objects. */
final class CodeDeployModels {
  private CodeDeployModels() {}

  static ApplicationInfo application(Application a) {
    return ApplicationInfo.builder().applicationId(a.applicationId).applicationName(a.applicationName)
        .createTime(a.createTime).linkedToGitHub(false).computePlatform(a.computePlatform).build();
  }

  static DeploymentGroupInfo group(Application a, DeploymentGroup g, Deployment lastAttempted,
      Deployment lastSucceeded) {
    return DeploymentGroupInfo.builder()
        .applicationName(a.applicationName)
        // "computePlatform: The destination platform type for the deployment" (CodeDeploy API Reference,
        // DeploymentGroupInfo): the application's
        .computePlatform(a.computePlatform)
        .deploymentGroupId(g.deploymentGroupId)
        .deploymentGroupName(g.deploymentGroupName)
        .deploymentConfigName(g.deploymentConfigName)
        .serviceRoleArn(g.serviceRoleArn)
        .computePlatform(a.computePlatform)
        .deploymentStyle(style())
        .blueGreenDeploymentConfiguration(blueGreen(g))
        .loadBalancerInfo(loadBalancing(g))
        .ecsServices(ECSService.builder().clusterName(g.clusterName).serviceName(g.serviceName).build())
        .autoRollbackConfiguration(rollback(g.autoRollbackEnabled, g.autoRollbackEvents))
        .alarmConfiguration(AlarmConfiguration.builder().enabled(g.alarmsEnabled).ignorePollAlarmFailure(false)
            .alarms(g.alarmNames.stream().map(n -> Alarm.builder().name(n).build()).toList()).build())
        .lastAttemptedDeployment(last(lastAttempted))
        .lastSuccessfulDeployment(last(lastSucceeded))
        .terminationHookEnabled(false)
        .build();
  }

  private static LoadBalancerInfo loadBalancing(DeploymentGroup g) {
    var pair = TargetGroupPairInfo.builder()
        .targetGroups(g.targetGroupNames.stream().map(n -> TargetGroupInfo.builder().name(n).build()).toList())
        .prodTrafficRoute(TrafficRoute.builder().listenerArns(g.prodListenerArn).build());
    if (g.testListenerArn != null) {
      pair.testTrafficRoute(TrafficRoute.builder().listenerArns(g.testListenerArn).build());
    }
    return LoadBalancerInfo.builder().targetGroupPairInfoList(pair.build()).build();
  }

  private static DeploymentStyle style() {
    return DeploymentStyle.builder().deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL").build();
  }

  private static BlueGreenDeploymentConfiguration blueGreen(DeploymentGroup g) {
    return BlueGreenDeploymentConfiguration.builder()
        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(g.terminationAction)
            .terminationWaitTimeInMinutes(g.terminationWaitMinutes))
        .deploymentReadyOption(r -> r.actionOnTimeout(g.readyAction).waitTimeInMinutes(g.readyWaitMinutes))
        .build();
  }

  private static AutoRollbackConfiguration rollback(boolean enabled, List<String> events) {
    return AutoRollbackConfiguration.builder().enabled(enabled).eventsWithStrings(events).build();
  }

  private static LastDeploymentInfo last(Deployment d) {
    return d == null ? null : LastDeploymentInfo.builder().deploymentId(d.deploymentId).status(d.status)
        .createTime(d.createTime).endTime(d.completeTime).build();
  }

  static DeploymentInfo deployment(Deployment d) {
    var b = DeploymentInfo.builder()
        .applicationName(d.applicationName)
        .deploymentGroupName(d.deploymentGroupName)
        .deploymentConfigName(d.deploymentConfigName)
        .deploymentId(d.deploymentId)
        .status(d.status)
        .createTime(d.createTime)
        .startTime(d.startTime)
        .completeTime(d.completeTime)
        .description(d.description)
        .creator(d.creator)
        .computePlatform("ECS")
        .deploymentStyle(style())
        .blueGreenDeploymentConfiguration(blueGreen(d.group))
        .loadBalancerInfo(loadBalancing(d.group))
        .autoRollbackConfiguration(rollback(d.autoRollbackEnabled, d.autoRollbackEvents))
        .deploymentOverview(overview(d))
        .instanceTerminationWaitTimeStarted(false)
        .deploymentStatusMessages(d.statusMessages)
        .revision(revision(d));
    if (d.errorCode != null) {
      b.errorInformation(ErrorInformation.builder().code(d.errorCode).message(d.errorMessage).build());
    }
    if (d.rollbackDeploymentId != null || d.rollbackTriggeringDeploymentId != null || d.rollbackMessage != null) {
      b.rollbackInfo(RollbackInfo.builder().rollbackDeploymentId(d.rollbackDeploymentId)
          .rollbackTriggeringDeploymentId(d.rollbackTriggeringDeploymentId).rollbackMessage(d.rollbackMessage).build());
    }
    return b.build();
  }

  private static RevisionLocation revision(Deployment d) {
    if ("AppSpecContent".equals(d.revisionType)) {
      return RevisionLocation.builder().revisionType("AppSpecContent")
          .appSpecContent(c -> c.content(d.appSpecContent).sha256(d.appSpecSha256)).build();
    }
    if ("S3".equals(d.revisionType)) {
      return RevisionLocation.builder().revisionType("S3")
          .s3Location(s -> s.bucket(d.s3Bucket).key(d.s3Key).bundleType(d.s3BundleType)).build();
    }
    return null;
  }

  /** One ECS target per deployment: its status counts once. */
  static DeploymentOverview overview(Deployment d) {
    Map<String, Long> one = Map.of(d.targetStatus, 1L);
    return DeploymentOverview.builder().pending(one.getOrDefault("Pending", 0L))
        .inProgress(one.getOrDefault("InProgress", 0L)).succeeded(one.getOrDefault("Succeeded", 0L))
        .failed(one.getOrDefault("Failed", 0L)).skipped(one.getOrDefault("Skipped", 0L))
        .ready(one.getOrDefault("Ready", 0L)).build();
  }

  static DeploymentConfigInfo config(CodeDeployConfigs.Config c) {
    var routing = TrafficRoutingConfig.builder().type(c.type());
    if (c.type().equals("TimeBasedCanary")) {
      routing.timeBasedCanary(t -> t.canaryPercentage(c.percentage()).canaryInterval(c.intervalMinutes()));
    } else if (c.type().equals("TimeBasedLinear")) {
      routing.timeBasedLinear(t -> t.linearPercentage(c.percentage()).linearInterval(c.intervalMinutes()));
    }
    return DeploymentConfigInfo.builder().deploymentConfigId(c.id()).deploymentConfigName(c.name())
        .createTime(CodeDeployConfigs.CREATED).computePlatform("ECS").trafficRoutingConfig(routing.build()).build();
  }

  static DeploymentTarget target(Deployment d, String serviceArn, List<CodeDeployEngine.TaskSetView> sets) {
    var events = d.events.stream().map(e -> LifecycleEvent.builder().lifecycleEventName(e.name).status(e.status)
        .startTime(e.startTime).endTime(e.endTime).build()).toList();
    var taskSets = sets.stream().map(s -> ECSTaskSet.builder().identifer(s.id()).desiredCount((long) s.desired())
        .pendingCount((long) s.pending()).runningCount((long) s.running()).status(s.status())
        .trafficWeight(s.trafficWeight()).targetGroup(TargetGroupInfo.builder().name(s.targetGroupName()).build())
        .taskSetLabel(s.label()).build()).toList();
    return DeploymentTarget.builder().deploymentTargetType("ECSTarget").ecsTarget(ECSTarget.builder()
        .deploymentId(d.deploymentId).targetId(CodeDeployEngine.targetId(d)).targetArn(serviceArn)
        .lastUpdatedAt(d.targetUpdatedAt).lifecycleEvents(events).status(d.targetStatus).taskSetsInfo(taskSets)
        .build()).build();
  }

  static List<Tag> tags(Map<String, String> tags) {
    return TagLists.fromMap(tags, (k, v) -> Tag.builder().key(k).value(v).build());
  }
}
