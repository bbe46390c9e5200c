package org.bgwizard.sandbox.ecs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.bgwizard.sandbox.core.Service;

/**
 * Persisted state of the simulated ECS service: plain data, saved with the account. Task definitions use the
 * field names of ECS's JSON (taskdef.json), so a taskdef.json file reads straight into {@link TaskDefinition}.
 */
public final class EcsState {
  /** By name. */
  public Map<String, Cluster> clusters = new LinkedHashMap<>();
  /** By ARN, in registration order. */
  public Map<String, TaskDefinition> taskDefinitions = new LinkedHashMap<>();
  /** By ARN. */
  public Map<String, Service> services = new LinkedHashMap<>();
  /** By ARN, in launch order. */
  public Map<String, Task> tasks = new LinkedHashMap<>();

  public static final class Cluster {
    public String clusterArn;
    public String clusterName;
    public String status;
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class TaskDefinition {
    public String taskDefinitionArn;
    public String family;
    public int revision;
    public String status;
    public String networkMode;
    public String cpu;
    public String memory;
    public String executionRoleArn;
    public String taskRoleArn;
    public List<String> requiresCompatibilities = new ArrayList<>();
    public RuntimePlatform runtimePlatform;
    public List<ContainerDefinition> containerDefinitions = new ArrayList<>();
    public Instant registeredAt;
    public Instant deregisteredAt;
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class RuntimePlatform {
    public String cpuArchitecture;
    public String operatingSystemFamily;
  }

  public static final class ContainerDefinition {
    public String name;
    public String image;
    public Integer cpu;
    public Integer memory;
    public Integer memoryReservation;
    public Boolean essential;
    public List<PortMapping> portMappings = new ArrayList<>();
    public List<KeyValue> environment = new ArrayList<>();
    public List<String> command = new ArrayList<>();
    public List<String> entryPoint = new ArrayList<>();
    public LogConfiguration logConfiguration;
  }

  public static final class PortMapping {
    public Integer containerPort;
    public Integer hostPort;
    public String protocol;
    public String name;
    public String appProtocol;
  }

  public static final class KeyValue {
    public String name;
    public String value;
  }

  public static final class LogConfiguration {
    public String logDriver;
    public Map<String, String> options = new LinkedHashMap<>();
  }

  public static final class Service {
    public String serviceArn;
    public String serviceName;
    public String clusterArn;
    public String status;
    public int desiredCount;
    public String launchType;
    public String platformVersion;
    public String deploymentController;
    public String schedulingStrategy;
    public Integer healthCheckGracePeriodSeconds;
    public String propagateTags;
    public boolean enableEcsManagedTags;
    public List<LoadBalancerRef> loadBalancers = new ArrayList<>();
    public NetworkConfig network;
    public String createdBy;
    public Instant createdAt;
    public String clientToken;
    /** What the creating request asked for, to tell an idempotent retry from a conflicting one. */
    public String requestFingerprint;
    public boolean steady;
    public Instant inactiveAt;
    public List<TaskSet> taskSets = new ArrayList<>();
    /** Newest first, as DescribeServices returns them. */
    public List<ServiceEvent> events = new ArrayList<>();
    public Map<String, String> tags = new LinkedHashMap<>();
    /** Fields below are left out of files while unset, so that accounts saved before them read back unchanged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public DeploymentConfig deploymentConfiguration;
    /** Built-in blue/green deployments of this service, oldest first (EcsServiceDeployments). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<ServiceDeployment> serviceDeployments = new ArrayList<>();
  }

  public static final class LoadBalancerRef {
    public String targetGroupArn;
    public String containerName;
    public int containerPort;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public AdvancedConfig advancedConfiguration;
  }

  /** loadBalancers[].advancedConfiguration of a built-in blue/green service (ECS API Reference, AdvancedConfiguration). */
  public static final class AdvancedConfig {
    public String alternateTargetGroupArn;
    public String productionListenerRule;
    public String testListenerRule;
    public String roleArn;
  }

  /** deploymentConfiguration's built-in blue/green part (ECS API Reference, DeploymentConfiguration). */
  public static final class DeploymentConfig {
    /** ROLLING, BLUE_GREEN, LINEAR or CANARY. */
    public String strategy;
    public Integer bakeTimeInMinutes;
    public Double linearStepPercent;
    public Integer linearStepBakeTimeInMinutes;
    public Double canaryPercent;
    public Integer canaryBakeTimeInMinutes;
    public List<Hook> lifecycleHooks = new ArrayList<>();
    /** deploymentCircuitBreaker.enable and .rollback; null when the request gave no circuit breaker. */
    public Boolean circuitBreakerEnable;
    public Boolean circuitBreakerRollback;
  }

  /** A lifecycle hook (ECS API Reference, DeploymentLifecycleHook); the sandbox runs PAUSE hooks. */
  public static final class Hook {
    public String targetType;
    public String hookTargetArn;
    public String roleArn;
    public List<String> lifecycleStages = new ArrayList<>();
    public Integer timeoutInMinutes;
    public String timeoutAction;
  }

  /** One built-in blue/green service deployment and where it is (ECS API Reference, ServiceDeployment). */
  public static final class ServiceDeployment {
    public String arn;
    public String status;
    public String statusReason;
    public String lifecycleStage;
    public Instant createdAt;
    public Instant startedAt;
    public Instant updatedAt;
    public Instant finishedAt;
    public Instant stoppedAt;
    /** The blue task set (source revision) and the green one (target revision), by task set id. */
    public String sourceTaskSetId;
    public String targetTaskSetId;
    public String sourceTaskDefinition;
    public String targetTaskDefinition;
    /** The target groups blue and green serve in this deployment. */
    public String blueTargetGroupArn;
    public String greenTargetGroupArn;
    /** When the current stage (a bake, a step) ends; null while waiting for tasks or for an action. */
    public Instant stageEndsAt;
    /** Percent of production traffic on green now. */
    public double productionPercent;
    public double testPercent;
    public String rollbackReason;
    public Instant rollbackStartedAt;
    public List<HookRun> hooks = new ArrayList<>();
  }

  /** A pause hook reached in a deployment (ECS API Reference, DeploymentLifecycleHookDetail). */
  public static final class HookRun {
    public String hookId;
    public String stage;
    public String status;
    public Instant expiresAt;
    public String timeoutAction;
  }

  public static final class NetworkConfig {
    public List<String> subnets = new ArrayList<>();
    public List<String> securityGroups = new ArrayList<>();
    public String assignPublicIp;
  }

  /**
   * A task set. Services with the ECS controller have one hidden set carrying their single deployment; CODE_DEPLOY
   * services show theirs in DescribeServices.taskSets.
   */
  public static final class TaskSet {
    public String id;
    public String taskSetArn;
    public String status;
    public String taskDefinition;
    public String externalId;
    public String startedBy;
    public double scalePercent;
    public List<LoadBalancerRef> loadBalancers = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;
    public String stabilityStatus;
    public Instant stabilityStatusAt;
    /** Its own awsvpc configuration (a CodeDeploy AppSpec's NetworkConfiguration, else the service's at creation). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public NetworkConfig network;
  }

  public static final class ServiceEvent {
    public String id;
    public Instant createdAt;
    public String message;
  }

  public static final class Task {
    public String taskArn;
    public String clusterArn;
    public String serviceArn;
    public String taskSetId;
    public String taskDefinitionArn;
    public String group;
    public String startedBy;
    public String launchType;
    public String cpu;
    public String memory;
    public String lastStatus;
    public String desiredStatus;
    public Instant createdAt;
    public Instant pullStartedAt;
    public Instant pullStoppedAt;
    public Instant startedAt;
    public Instant stoppingAt;
    public Instant stoppedAt;
    public String stopCode;
    public String stoppedReason;
    /** When the next lifecycle step is due (see EcsTasks), or when a stopped task is forgotten. */
    public Instant nextAt;
    /** When the essential container exits by itself (a CRASHES image), null otherwise. */
    public Instant exitsAt;
    /** When ECS re-reads the target's health, at the end of the health check grace period. */
    public Instant healthCheckAt;
    public String subnetId;
    public String availabilityZone;
    public String privateIp;
    public String eniId;
    public String attachmentId;
    public List<String> securityGroups = new ArrayList<>();
    public boolean publicIp;
    public String targetGroupArn;
    public int targetPort;
    public boolean registered;
    public List<ContainerState> containers = new ArrayList<>();
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class ContainerState {
    public String containerArn;
    public String name;
    public String image;
    public String lastStatus;
    public Integer exitCode;
    public String reason;
    /** How the pulled image behaves (Ports.ImageBehaviour), null before the pull. */
    public String behaviour;
    /** What the container prints when it exits by itself (e.g. exec format error), null if nothing special. */
    public String exitMessage;
  }
}
