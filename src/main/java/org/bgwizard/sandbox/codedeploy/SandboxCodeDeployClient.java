package org.bgwizard.sandbox.codedeploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.BlueGreen;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.EcsService;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.GroupSpec;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.LoadBalancing;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.Pair;
import org.bgwizard.sandbox.codedeploy.CodeDeployGroupRules.Style;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Application;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Deployment;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BatchGetApplicationsRequest;
import software.amazon.awssdk.services.codedeploy.model.BatchGetApplicationsResponse;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentGroupsRequest;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentGroupsResponse;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentTargetsRequest;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentTargetsResponse;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.BatchLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.ContinueDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.ContinueDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.DeleteApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.DeleteApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.DeleteDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeleteDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetListSizeExceededException;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentTargetRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentTargetResponse;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStatusException;
import software.amazon.awssdk.services.codedeploy.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetFilterNameException;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentConfigsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentConfigsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentGroupsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentGroupsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentTargetsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentTargetsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.codedeploy.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;
import software.amazon.awssdk.services.codedeploy.model.Tag;
import software.amazon.awssdk.services.codedeploy.model.TagResourceRequest;
import software.amazon.awssdk.services.codedeploy.model.TagResourceResponse;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.UntagResourceRequest;
import software.amazon.awssdk.services.codedeploy.model.UntagResourceResponse;
import software.amazon.awssdk.services.codedeploy.model.UpdateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.UpdateDeploymentGroupResponse;

/** CodeDeploy over {@link CodeDeployEngine}: translates SDK requests and responses, nothing more. */
public final class SandboxCodeDeployClient implements CodeDeployClient {
  private static final int PAGE = 100;
  private static final int BATCH = 25;

  private final SandboxAccount account;
  private final CodeDeployEngine cd;

  public SandboxCodeDeployClient(SandboxAccount account, CodeDeployEngine cd) {
    this.account = account;
    this.cd = cd;
  }

  private <T> T call(String operation, Supplier<T> body) {
    return account.call(Service.CODEDEPLOY, operation, body);
  }

  // ---- applications

  @Override
  public CreateApplicationResponse createApplication(CreateApplicationRequest r) {
    return call("CreateApplication", () -> CreateApplicationResponse.builder().applicationId(cd.groups()
        .createApplication(r.applicationName(), r.computePlatformAsString(), tags(r.tags())).applicationId).build());
  }

  @Override
  public GetApplicationResponse getApplication(GetApplicationRequest r) {
    return call("GetApplication", () -> GetApplicationResponse.builder()
        .application(CodeDeployModels.application(cd.groups().application(r.applicationName()))).build());
  }

  @Override
  public ListApplicationsResponse listApplications(ListApplicationsRequest r) {
    return call("ListApplications", () -> {
      var page = page(cd.groups().applicationNames(), Function.identity(), r.nextToken());
      return ListApplicationsResponse.builder().applications(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public BatchGetApplicationsResponse batchGetApplications(BatchGetApplicationsRequest r) {
    return call("BatchGetApplications", () -> {
      batchLimit(r.applicationNames().size(), PAGE);
      return BatchGetApplicationsResponse.builder().applicationsInfo(r.applicationNames().stream()
          .map(n -> CodeDeployModels.application(cd.groups().application(n))).toList()).build();
    });
  }

  @Override
  public DeleteApplicationResponse deleteApplication(DeleteApplicationRequest r) {
    return call("DeleteApplication", () -> {
      cd.groups().deleteApplication(r.applicationName());
      return DeleteApplicationResponse.builder().build();
    });
  }

  // ---- deployment groups

  @Override
  public CreateDeploymentGroupResponse createDeploymentGroup(CreateDeploymentGroupRequest r) {
    return call("CreateDeploymentGroup", () -> {
      var spec = new GroupSpec(r.applicationName(), r.deploymentGroupName(), r.serviceRoleArn(),
          r.deploymentConfigName(), r.hasAutoScalingGroups() ? r.autoScalingGroups() : null,
          !r.ec2TagFilters().isEmpty() || !r.onPremisesInstanceTagFilters().isEmpty() || r.ec2TagSet() != null,
          style(r.deploymentStyle()), blueGreen(r.blueGreenDeploymentConfiguration()),
          loadBalancing(r.loadBalancerInfo()), r.hasEcsServices() ? services(r.ecsServices()) : null,
          r.autoRollbackConfiguration() == null ? null : r.autoRollbackConfiguration().enabled(),
          r.autoRollbackConfiguration() == null ? null : r.autoRollbackConfiguration().eventsAsStrings(),
          r.alarmConfiguration() == null ? null : r.alarmConfiguration().enabled(),
          r.alarmConfiguration() == null ? null : alarms(r.alarmConfiguration()), tags(r.tags()));
      return CreateDeploymentGroupResponse.builder().deploymentGroupId(cd.groups().createGroup(spec).deploymentGroupId)
          .build();
    });
  }

  @Override
  public UpdateDeploymentGroupResponse updateDeploymentGroup(UpdateDeploymentGroupRequest r) {
    return call("UpdateDeploymentGroup", () -> {
      var spec = new GroupSpec(r.applicationName(), r.currentDeploymentGroupName(), r.serviceRoleArn(),
          r.deploymentConfigName(), r.hasAutoScalingGroups() ? r.autoScalingGroups() : null,
          !r.ec2TagFilters().isEmpty() || !r.onPremisesInstanceTagFilters().isEmpty() || r.ec2TagSet() != null,
          style(r.deploymentStyle()), blueGreen(r.blueGreenDeploymentConfiguration()),
          loadBalancing(r.loadBalancerInfo()), r.hasEcsServices() ? services(r.ecsServices()) : null,
          r.autoRollbackConfiguration() == null ? null : r.autoRollbackConfiguration().enabled(),
          r.autoRollbackConfiguration() == null ? null : r.autoRollbackConfiguration().eventsAsStrings(),
          r.alarmConfiguration() == null ? null : r.alarmConfiguration().enabled(),
          r.alarmConfiguration() == null ? null : alarms(r.alarmConfiguration()), Map.of());
      cd.groups().updateGroup(spec, r.newDeploymentGroupName());
      return UpdateDeploymentGroupResponse.builder().hooksNotCleanedUp(List.of()).build();
    });
  }

  @Override
  public GetDeploymentGroupResponse getDeploymentGroup(GetDeploymentGroupRequest r) {
    return call("GetDeploymentGroup", () -> {
      Application app = cd.groups().application(r.applicationName());
      return GetDeploymentGroupResponse.builder().deploymentGroupInfo(groupInfo(app, r.deploymentGroupName())).build();
    });
  }

  @Override
  public ListDeploymentGroupsResponse listDeploymentGroups(ListDeploymentGroupsRequest r) {
    return call("ListDeploymentGroups", () -> {
      Application app = cd.groups().application(r.applicationName());
      var page = page(app.groups.keySet().stream().sorted().toList(), Function.identity(), r.nextToken());
      return ListDeploymentGroupsResponse.builder().applicationName(app.applicationName)
          .deploymentGroups(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public BatchGetDeploymentGroupsResponse batchGetDeploymentGroups(BatchGetDeploymentGroupsRequest r) {
    return call("BatchGetDeploymentGroups", () -> {
      Application app = cd.groups().application(r.applicationName());
      batchLimit(r.deploymentGroupNames().size(), PAGE);
      List<DeploymentGroupInfo> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String name : r.deploymentGroupNames()) {
        if (app.groups.containsKey(name)) {
          found.add(groupInfo(app, name));
        } else {
          missing.add(name);
        }
      }
      return BatchGetDeploymentGroupsResponse.builder().deploymentGroupsInfo(found)
          .errorMessage(missing.isEmpty() ? null : "Deployment groups not found: " + String.join(", ", missing))
          .build();
    });
  }

  private DeploymentGroupInfo groupInfo(Application app, String name) {
    var g = cd.groups().group(app, name);
    return CodeDeployModels.group(app, g, cd.lastDeployment(app.applicationName, name, false),
        cd.lastDeployment(app.applicationName, name, true));
  }

  @Override
  public DeleteDeploymentGroupResponse deleteDeploymentGroup(DeleteDeploymentGroupRequest r) {
    return call("DeleteDeploymentGroup", () -> {
      cd.groups().deleteGroup(r.applicationName(), r.deploymentGroupName());
      return DeleteDeploymentGroupResponse.builder().hooksNotCleanedUp(List.of()).build();
    });
  }

  // ---- deployment configurations

  @Override
  public GetDeploymentConfigResponse getDeploymentConfig(GetDeploymentConfigRequest r) {
    return call("GetDeploymentConfig", () -> {
      if (r.deploymentConfigName() == null || r.deploymentConfigName().isEmpty()) {
        throw cd.error(DeploymentConfigNameRequiredException.builder(), "DeploymentConfigNameRequiredException",
            "Deployment config name must be specified");
      }
      var config = CodeDeployConfigs.find(r.deploymentConfigName()).orElseThrow(() -> cd.error(
          DeploymentConfigDoesNotExistException.builder(), "DeploymentConfigDoesNotExistException",
          "No deployment configuration found for name: " + r.deploymentConfigName()));
      return GetDeploymentConfigResponse.builder().deploymentConfigInfo(CodeDeployModels.config(config)).build();
    });
  }

  @Override
  public ListDeploymentConfigsResponse listDeploymentConfigs(ListDeploymentConfigsRequest r) {
    return call("ListDeploymentConfigs", () -> {
      var page = page(CodeDeployConfigs.ALL.stream().map(CodeDeployConfigs.Config::name).sorted().toList(),
          Function.identity(), r.nextToken());
      return ListDeploymentConfigsResponse.builder().deploymentConfigsList(page.items()).nextToken(page.nextToken())
          .build();
    });
  }

  // ---- deployments

  @Override
  public CreateDeploymentResponse createDeployment(CreateDeploymentRequest r) {
    return call("CreateDeployment", () -> {
      var rev = r.revision();
      CodeDeployEngine.Revision revision = rev == null ? null : new CodeDeployEngine.Revision(
          rev.revisionTypeAsString(), rev.appSpecContent() == null ? null : rev.appSpecContent().content(),
          rev.appSpecContent() == null ? null : rev.appSpecContent().sha256(),
          rev.s3Location() == null ? null : rev.s3Location().bucket(),
          rev.s3Location() == null ? null : rev.s3Location().key(),
          rev.s3Location() == null ? null : rev.s3Location().bundleTypeAsString());
      var rollback = r.autoRollbackConfiguration();
      var spec = new CodeDeployEngine.DeploymentSpec(r.applicationName(), r.deploymentGroupName(), revision,
          r.deploymentConfigName(), r.description(), rollback == null ? null : rollback.enabled(),
          rollback == null ? null : rollback.eventsAsStrings());
      return CreateDeploymentResponse.builder().deploymentId(cd.createDeployment(spec).deploymentId).build();
    });
  }

  @Override
  public GetDeploymentResponse getDeployment(GetDeploymentRequest r) {
    return call("GetDeployment", () -> GetDeploymentResponse.builder()
        .deploymentInfo(CodeDeployModels.deployment(cd.deployment(r.deploymentId()))).build());
  }

  @Override
  public BatchGetDeploymentsResponse batchGetDeployments(BatchGetDeploymentsRequest r) {
    return call("BatchGetDeployments", () -> {
      batchLimit(r.deploymentIds().size(), BATCH);
      List<DeploymentInfo> found = new ArrayList<>();
      for (String id : r.deploymentIds()) {
        try {
          found.add(CodeDeployModels.deployment(cd.deployment(id)));
        } catch (DeploymentDoesNotExistException e) {
          // BatchGetDeployments leaves unknown ids out
        }
      }
      return BatchGetDeploymentsResponse.builder().deploymentsInfo(found).build();
    });
  }

  @Override
  public ListDeploymentsResponse listDeployments(ListDeploymentsRequest r) {
    return call("ListDeployments", () -> {
      if (r.applicationName() != null && r.deploymentGroupName() == null) {
        cd.groups().checkGroupName(null);
      }
      if (r.deploymentGroupName() != null) {
        cd.groups().group(cd.groups().application(r.applicationName()), r.deploymentGroupName());
      }
      List<String> statuses = r.includeOnlyStatusesAsStrings();
      for (String s : statuses) {
        if (DeploymentStatus.fromValue(s) == DeploymentStatus.UNKNOWN_TO_SDK_VERSION) {
          throw cd.error(InvalidDeploymentStatusException.builder(), "InvalidDeploymentStatusException",
              "The deployment status " + s + " is invalid.");
        }
      }
      var range = r.createTimeRange();
      var ids = cd.listDeployments(r.applicationName(), r.deploymentGroupName(), statuses,
          range == null ? null : range.start(), range == null ? null : range.end(), r.externalId());
      var page = page(ids, d -> d.deploymentId, r.nextToken());
      return ListDeploymentsResponse.builder().deployments(page.items().stream().map(d -> d.deploymentId).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public ContinueDeploymentResponse continueDeployment(ContinueDeploymentRequest r) {
    return call("ContinueDeployment", () -> {
      cd.continueDeployment(r.deploymentId(), r.deploymentWaitTypeAsString());
      return ContinueDeploymentResponse.builder().build();
    });
  }

  @Override
  public StopDeploymentResponse stopDeployment(StopDeploymentRequest r) {
    return call("StopDeployment", () -> {
      cd.stop(r.deploymentId(), r.autoRollbackEnabled());
      return StopDeploymentResponse.builder().status(StopStatus.SUCCEEDED).statusMessage("The deployment was stopped.")
          .build();
    });
  }

  // ---- deployment targets

  @Override
  public ListDeploymentTargetsResponse listDeploymentTargets(ListDeploymentTargetsRequest r) {
    return call("ListDeploymentTargets", () -> {
      Deployment d = cd.started(r.deploymentId());
      boolean matches = true;
      for (var filter : r.targetFiltersAsStrings().entrySet()) {
        matches &= switch (filter.getKey()) {
          case "TargetStatus" -> filter.getValue().contains(d.targetStatus);
          case "ServerInstanceLabel" -> cd.taskSets(d).stream().anyMatch(s -> filter.getValue().contains(s.label()));
          default -> throw cd.error(InvalidTargetFilterNameException.builder(), "InvalidTargetFilterNameException",
              "The target filter name " + filter.getKey() + " is invalid.");
        };
      }
      var page = page(matches ? List.of(CodeDeployEngine.targetId(d)) : List.<String>of(), Function.identity(),
          r.nextToken());
      return ListDeploymentTargetsResponse.builder().targetIds(page.items()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public GetDeploymentTargetResponse getDeploymentTarget(GetDeploymentTargetRequest r) {
    return call("GetDeploymentTarget", () -> GetDeploymentTargetResponse.builder()
        .deploymentTarget(target(cd.target(r.deploymentId(), r.targetId()))).build());
  }

  @Override
  public BatchGetDeploymentTargetsResponse batchGetDeploymentTargets(BatchGetDeploymentTargetsRequest r) {
    return call("BatchGetDeploymentTargets", () -> {
      Deployment d = cd.started(r.deploymentId());
      if (r.targetIds().size() > BATCH) {
        throw cd.error(DeploymentTargetListSizeExceededException.builder(),
            "DeploymentTargetListSizeExceededException", "The maximum number of targets that can be requested is "
                + BATCH + ".");
      }
      return BatchGetDeploymentTargetsResponse.builder().deploymentTargets(r.targetIds().stream()
          .map(id -> target(cd.target(d.deploymentId, id))).toList()).build();
    });
  }

  private DeploymentTarget target(Deployment d) {
    String serviceArn = cd.ecs().serviceArn(d.group.clusterName, d.group.serviceName);
    return CodeDeployModels.target(d, serviceArn, cd.taskSets(d));
  }

  // ---- tags

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return call("TagResource", () -> {
      cd.groups().tag(r.resourceArn(), tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return call("UntagResource", () -> {
      TagLists.untag(cd.groups().tagsOf(r.resourceArn()), r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return call("ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(CodeDeployModels.tags(cd.groups().tagsOf(r.resourceArn()))).build());
  }

  // ---- translation

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, Tag::value);
  }

  private static Style style(DeploymentStyle s) {
    return s == null ? null : new Style(s.deploymentTypeAsString(), s.deploymentOptionAsString());
  }

  private static BlueGreen blueGreen(BlueGreenDeploymentConfiguration bg) {
    if (bg == null) {
      return null;
    }
    var ready = bg.deploymentReadyOption();
    var terminate = bg.terminateBlueInstancesOnDeploymentSuccess();
    return new BlueGreen(ready == null ? null : ready.actionOnTimeoutAsString(),
        ready == null ? null : ready.waitTimeInMinutes(), terminate == null ? null : terminate.actionAsString(),
        terminate == null ? null : terminate.terminationWaitTimeInMinutes(), bg.greenFleetProvisioningOption() != null);
  }

  private static LoadBalancing loadBalancing(LoadBalancerInfo lb) {
    if (lb == null) {
      return null;
    }
    List<Pair> pairs = lb.targetGroupPairInfoList().stream().map(p -> new Pair(
        p.targetGroups().stream().map(TargetGroupInfo::name).toList(),
        p.prodTrafficRoute() == null ? List.of() : p.prodTrafficRoute().listenerArns(),
        p.testTrafficRoute() == null ? null : p.testTrafficRoute().listenerArns())).toList();
    return new LoadBalancing(!lb.elbInfoList().isEmpty(), !lb.targetGroupInfoList().isEmpty(), pairs);
  }

  private static List<EcsService> services(List<ECSService> services) {
    return services.stream().map(s -> new EcsService(s.clusterName(), s.serviceName())).toList();
  }

  private static List<String> alarms(AlarmConfiguration a) {
    return a.alarms().stream().map(Alarm::name).toList();
  }

  private void batchLimit(int size, int max) {
    if (size > max) {
      throw cd.error(BatchLimitExceededException.builder(), "BatchLimitExceededException",
          "The maximum number of names or IDs allowed for this request (" + max + ") was exceeded.");
    }
  }

  private <T> ListPage<T> page(List<T> sorted, Function<T, String> key, String token) {
    return ListPage.of(sorted, key, token, PAGE, () -> cd.error(InvalidNextTokenException.builder(),
        "InvalidNextTokenException", "The next token was specified in an invalid format."));
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
