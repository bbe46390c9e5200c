package org.bgwizard.sandbox.codedeploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.Ports;

/** Persisted state of the simulated CodeDeploy service: plain data, saved as JSON with the whole account. */
public final class CodeDeployState {
  /** By name, in creation order. */
  public Map<String, Application> applications = new LinkedHashMap<>();
  /** By id, in creation order. */
  public Map<String, Deployment> deployments = new LinkedHashMap<>();

  public static final class Application {
    public String applicationId;
    public String applicationName;
    public String computePlatform;
    public Instant createTime;
    /** By name, in creation order. */
    public Map<String, DeploymentGroup> groups = new LinkedHashMap<>();
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  /** An ECS deployment group; a deployment keeps a copy of the settings it started with. */
  public static final class DeploymentGroup {
    public String deploymentGroupId;
    public String deploymentGroupName;
    public String serviceRoleArn;
    public String deploymentConfigName;
    public String clusterName;
    public String serviceName;
    /** The pair of target group names; the first was the service's when the group was created. */
    public List<String> targetGroupNames = new ArrayList<>();
    public String prodListenerArn;
    public String testListenerArn;
    /** CONTINUE_DEPLOYMENT or STOP_DEPLOYMENT. */
    public String readyAction;
    public int readyWaitMinutes;
    public String terminationAction;
    public int terminationWaitMinutes;
    public boolean autoRollbackEnabled;
    public List<String> autoRollbackEvents = new ArrayList<>();
    public boolean alarmsEnabled;
    public List<String> alarmNames = new ArrayList<>();
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class LifecycleEvent {
    public String name;
    public String status;
    public Instant startTime;
    public Instant endTime;

    public LifecycleEvent() {}

    LifecycleEvent(String name) {
      this.name = name;
      this.status = "Pending";
    }
  }

  public static final class Deployment {
    public String deploymentId;
    public String applicationName;
    public String deploymentGroupName;
    /** The group's settings when the deployment was created (deleting or changing the group does not affect it). */
    public DeploymentGroup group;
    public String deploymentConfigName;
    /** user or codeDeployRollback. */
    public String creator;
    public String description;
    public String status;
    public Instant createTime;
    public Instant startTime;
    public Instant completeTime;
    public boolean autoRollbackEnabled;
    public List<String> autoRollbackEvents = new ArrayList<>();

    /** AppSpecContent or S3; AppSpec fields read from it when it parsed. */
    public String revisionType;
    public String appSpecContent;
    public String appSpecSha256;
    public String s3Bucket;
    public String s3Key;
    public String s3BundleType;
    public String taskDefinition;
    public String containerName;
    public int containerPort;
    /** The AppSpec's NetworkConfiguration; null when it gives none (the replacement set takes the service's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public NetworkConfig network;

    public String errorCode;
    public String errorMessage;
    public String rollbackDeploymentId;
    public String rollbackTriggeringDeploymentId;
    public String rollbackMessage;
    public List<String> statusMessages = new ArrayList<>();

    /** Where the lifecycle is (see CodeDeployLifecycle) and when it next moves by itself, if it waits on time. */
    public String phase;
    public Instant nextAt;
    public int eventIndex;
    public List<LifecycleEvent> events = new ArrayList<>();
    public String targetStatus;
    public Instant targetUpdatedAt;
    /** Production traffic on the replacement task set, in percent. */
    public int trafficPercent;
    /** The original (blue) and replacement (green) task sets and the target groups they serve. */
    public String blueTaskSetArn;
    public String greenTaskSetArn;
    public String blueTargetGroupArn;
    public String greenTargetGroupArn;
  }

  /**
   * An AppSpec's awsvpc configuration as the deployment saves it: the field names of ECS's own network configuration
   * (EcsState.NetworkConfig), so saved account files read the same.
   */
  public static final class NetworkConfig {
    public List<String> subnets = new ArrayList<>();
    public List<String> securityGroups = new ArrayList<>();
    public String assignPublicIp;

    Ports.TaskSets.Network toPort() {
      return new Ports.TaskSets.Network(List.copyOf(subnets), List.copyOf(securityGroups), assignPublicIp);
    }
  }
}
