package org.bgwizard.sandbox.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one simulated service asks of another, inside the account lock and without going through an API call
 * (no latency, no faults, no call log). Each engine implements the port of its service; {@code org.bgwizard.sandbox.Sandbox}
 * wires them here, and tests may replace one with a double.
 */
public final class Ports {
  // Engines read these at call time, never cache them, so a test can replace one with a double right after
  // construction.
  public IamChecks iamChecks;
  public Network network;
  public Registry registry;
  public LogSink logSink;
  public Sources sources;
  public Deployer deployer;
  public EcsServiceDeploys ecsServiceDeploys;
  public Secrets secrets;
  public Events events;
  public PipelineStarter pipelineStarter;
  public Notifier notifier;
  public Builds builds;
  public LoadBalancing loadBalancing;
  public TaskSets taskSets;
  public TaskDefinitions taskDefinitions;

  /** IAM as the other services see it (IamEngine). */
  public interface IamChecks {
    enum Assume { OK, NO_SUCH_ROLE, NOT_YET_PROPAGATED, NOT_TRUSTED }

    /** Whether {@code servicePrincipal} (e.g. {@code codedeploy.amazonaws.com}) may assume the role now. */
    Assume canAssume(String roleArn, String servicePrincipal);

    /**
     * Whether the role's identity policies (inline and attached, AWS managed ones included) allow
     * {@code action} on {@code resourceArn}; {@code passedToService} is the {@code iam:PassedToService}
     * context key for {@code iam:PassRole}, else null.
     */
    boolean allows(String roleArn, String action, String resourceArn, String passedToService);

    boolean roleExists(String roleArn);
  }

  /** The network as the other services see it (Ec2Engine). */
  public interface Network {
    String defaultVpcId();

    /** Availability zone of a subnet, empty when there is no such subnet. */
    Optional<String> availabilityZoneOf(String subnetId);

    Optional<String> vpcOfSubnet(String subnetId);

    /** The subnet's IPv4 CIDR block (ECS gives task ENIs addresses from it), empty when there is no such subnet. */
    Optional<String> cidrOf(String subnetId);

    /** Whether the subnet routes to an internet gateway (default subnets do). */
    boolean isPublic(String subnetId);

    boolean securityGroupExists(String groupId);

    /** Whether {@code toGroupId} admits TCP {@code port} from {@code fromGroupId} (or from 0.0.0.0/0). */
    boolean allowsIngress(String toGroupId, String fromGroupId, int port);

    /** Registers who else uses security groups, for DeleteSecurityGroup's DependencyViolation. */
    void addUsageCheck(Function<String, Optional<String>> usedBy);
  }

  /** How a container image behaves when a task runs it: set by the simulated build, read by ECS. */
  public enum ImageBehaviour { HEALTHY, UNHEALTHY, CRASHES }

  /**
   * Outcome of pulling an image for a task. {@code stoppedReason} is ECS's text when the pull fails; when it
   * succeeds, a non-null {@code stoppedReason} is what the container prints as it exits by itself (catalogue row
   * 20's exec format error, with behaviour CRASHES).
   */
  public record Pull(boolean ok, String stoppedReason, ImageBehaviour behaviour) {}

  /** Container images (EcrEngine): what a task pull finds, and what a build pushes. */
  public interface Registry {
    /**
     * Pulls {@code imageUri} for a task of {@code cpuArchitecture} (X86_64/ARM64): ECR images of this account
     * by tag or digest, ECR Public images, and unqualified names that resolve to Docker Hub (catalogue
     * rows 18, 19, 20).
     */
    Pull pull(String imageUri, String cpuArchitecture, boolean publicIpOrNat);

    /** Pushes an image built by the simulated CodeBuild; returns its digest ({@code sha256:…}). */
    String push(String repositoryName, List<String> tags, String cpuArchitecture, ImageBehaviour behaviour);

    /**
     * Adds tags to an image already in the repository (a build pushing the same image under another tag: ECR
     * keeps one digest); false when the repository holds no image with that digest.
     */
    boolean addTags(String repositoryName, String digest, List<String> tags);
  }

  /** CloudWatch Logs (LogsEngine): awslogs and CodeBuild write here. */
  public interface LogSink {
    boolean groupExists(String group);

    /** Creates the group when missing, as CodeBuild does for {@code /aws/codebuild/<project>} on a first build. */
    void ensureGroup(String group);

    void append(String group, String stream, String message);
  }

  /** A commit's files, as a pipeline source action reads them. */
  public record Snapshot(String commitId, String message, Map<String, String> files) {}

  /** Sources and artifact storage (CodeCommitEngine, S3Engine). */
  public interface Sources {
    Optional<Snapshot> codeCommitHead(String repository, String branch);

    boolean bucketExists(String bucket);

    Optional<byte[]> getObject(String bucket, String key);

    /** Stores an object (creating a version in versioned buckets); false when the bucket does not exist. */
    boolean putObject(String bucket, String key, byte[] content);

    /** The latest version id of an object ({@code null} in a bucket never versioned), empty when there is none. */
    Optional<String> objectVersion(String bucket, String key);

    /** A CodeConnections connection's status (PENDING, AVAILABLE), empty when there is no such connection. */
    Optional<String> connectionStatus(String connectionArn);

    /** The head of {@code branch} of {@code owner/repo} at the simulated provider (GitHub, GitLab, Bitbucket). */
    Optional<Snapshot> providerHead(String fullRepositoryId, String branch);
  }

  /** ECS and CodeDeploy as the pipeline's deploy action uses them (EcsEngine, CodeDeployEngine). */
  public interface Deployer {
    /**
     * Registers a task definition from taskdef.json text on behalf of {@code callerRoleArn} (which needs
     * iam:PassRole on the roles it names — catalogue row 16). Returns the new revision's ARN; throws the ECS
     * SDK exception a real RegisterTaskDefinition would.
     */
    String registerTaskDefinition(String taskdefJson, String callerRoleArn);

    /** Starts a blue/green deployment with the AppSpec content; returns its id or throws CodeDeploy's error. */
    String createDeployment(String application, String deploymentGroup, String appspecYaml);

    /** Created, Queued, InProgress, Ready, Succeeded, Failed or Stopped. */
    String deploymentStatus(String deploymentId);

    /** The deployment's errorInformation message when it failed or stopped, else null. */
    String deploymentError(String deploymentId);

    /**
     * The latest ACTIVE revision of {@code familyOrArn} (a family, {@code family:revision} or an ARN) as the
     * {@code taskDefinition} object of {@code aws ecs describe-task-definition} prints it (JSON text, with
     * taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy), or
     * empty when there is none. A build's buildspec turns it into taskdef.json (seed 001).
     */
    Optional<String> describeTaskDefinition(String familyOrArn);
  }

  /**
   * ECS as the pipeline's standard Amazon ECS deploy action calls it: the service's task definition, UpdateService
   * with a new revision, and the service deployment it starts ("Amazon Elastic Container Service deploy action
   * reference").
   */
  public interface EcsServiceDeploys {
    /** The service's task definition ARN, or empty when the cluster or the service does not exist. */
    Optional<String> taskDefinition(String cluster, String service);

    /** UpdateService to {@code taskDefinitionArn}; returns the ARN of the service deployment it started. */
    String deploy(String cluster, String service, String taskDefinitionArn);

    /** The service deployment's status (PENDING, IN_PROGRESS, SUCCESSFUL, ROLLBACK_SUCCESSFUL, STOPPED, …). */
    String status(String serviceDeploymentArn);

    /** The service deployment's statusReason, or null. */
    String reason(String serviceDeploymentArn);
  }

  /** Secrets Manager as CodeBuild reads it for {@code env: secrets-manager:} (SecretsEngine). */
  public interface Secrets {
    /** A secret's full ARN and current string value. */
    record Secret(String arn, String secretString) {}

    /** The secret given by name or ARN (its current version), or empty when there is none to read. */
    Optional<Secret> secret(String secretId);
  }

  /** EventBridge's default event bus (EventBridgeEngine): where services put the events rules match. */
  public interface Events {
    void put(String source, String detailType, List<String> resources, ObjectNode detail);
  }

  /** CodePipeline as an EventBridge rule's target starts it (CodePipelineEngine). */
  public interface PipelineStarter {
    /** Starts the pipeline with trigger CloudWatchEvent; false when there is no such pipeline. */
    boolean startByEvent(String pipelineName, String ruleArn);
  }

  /** SNS as CodePipeline publishes to it, e.g. a manual approval's notification (SnsEngine). */
  public interface Notifier {
    /**
     * Publishes to the topic (delivered to its confirmed subscribers); {@code structure} is Publish's MessageStructure
     * (null or "json"). Returns SNS's error message when it refuses (no such topic…), else empty.
     */
    Optional<String> publish(String topicArn, String subject, String message, String structure);
  }

  /** CodeBuild as the pipeline's build action starts and follows a build (CodeBuildEngine). */
  public interface Builds {
    /**
     * A build as the pipeline sees it: {@code nextAt} is when its next phase ends; {@code failedPhase} is the first
     * FAILED phase with a context (type, status code, message), else null.
     */
    record Build(String id, String projectName, boolean complete, String status, Instant nextAt,
        boolean artifactUploaded, String outputBucket, String outputKey, FailedPhase failedPhase) {}

    record FailedPhase(String type, String statusCode, String message) {}

    /** One of the CodeBuild action's EnvironmentVariables: PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER. */
    record Variable(String name, String value, String type) {}

    /**
     * Starts a build of the project with the CODEPIPELINE source at {@code inputBucket/inputKey}, its artifact to go
     * to {@code outputBucket/outputKey}; throws CodeBuild's SDK exception as StartBuild would.
     */
    Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
        String outputBucket, String outputKey, String sourceRevision);

    /**
     * As above, with the CodeBuild action's EnvironmentVariables, which override the project's for this build
     * (CodePipeline "AWS CodeBuild build and test action reference": EnvironmentVariables).
     */
    Build startForPipeline(String projectName, String pipelineName, String inputBucket, String inputKey,
        String outputBucket, String outputKey, String sourceRevision, List<Variable> overrides);

    /** The build with that id, empty when there is none (or the id is null). */
    Optional<Build> build(String id);
  }

  /**
   * Elastic Load Balancing as ECS uses it for a service behind target groups (ElbEngine): the target group and the
   * listener rules a service names, the weights a deployment shifts, and the targets its tasks register.
   */
  public interface LoadBalancing {
    record Weight(String targetGroupArn, int weight) {}

    record Rule(String arn, String listenerArn, String loadBalancerArn, boolean isDefault, String actionType,
        List<Weight> forward) {}

    record TargetGroup(String arn, String name, String targetType, int port, String vpcId, boolean inUse) {}

    /** What answers at a task's address: its security groups, how its image behaves, the ports it listens on. */
    record Endpoint(List<String> securityGroups, ImageBehaviour behaviour, Set<Integer> ports) {}

    /** A target's health as DescribeTargetHealth gives it. */
    record Health(String state, String reason, String description) {}

    /** Told when a target's initial health checks end, healthy or unhealthy. */
    interface HealthObserver {
      void healthDecided(String targetGroupArn, String targetId, int port, String state, String description);
    }

    /** The load balancers whose listeners forward to the target group. */
    Set<String> loadBalancerArnsOf(String targetGroupArn);

    /** The listener rule, empty when there is none (or the ARN is null). */
    Optional<Rule> rule(String ruleArn);

    void setRuleWeights(String ruleArn, List<Weight> weights);

    Optional<TargetGroup> targetGroup(String arn);

    /** Who answers the health checks at an address (ECS: its running tasks). */
    void endpoints(Function<String, Optional<Endpoint>> probe);

    void observer(HealthObserver observer);

    void registerTask(String targetGroupArn, String ip, int port, String availabilityZone);

    /** Deregisters the task's target; returns when its draining ends. */
    Instant deregisterTask(String targetGroupArn, String ip, int port);

    Optional<Health> stateOf(String targetGroupArn, String ip, int port);

    /** A listener and its default forward action's weights, as CodeDeploy shifts them. */
    record Listener(String arn, String loadBalancerArn, int port, List<Weight> forward) {}

    /** The listener, empty when there is none. */
    Optional<Listener> listener(String listenerArn);

    /**
     * Rewrites the listener's forward action with these weights (CodeDeploy's traffic shift), keeping its stickiness;
     * throws the ELB exceptions ModifyListener would.
     */
    void setListenerWeights(String listenerArn, List<Weight> weights);

    Optional<String> targetGroupArnByName(String name);
  }

  /**
   * ECS as CodeDeploy's blue/green deployments drive it (EcsEngine): the service with the CODE_DEPLOY deployment
   * controller and its task sets ("CreateTaskSet", "UpdateServicePrimaryTaskSet", "DeleteTaskSet").
   */
  public interface TaskSets {
    /** The deployment controller CodeDeploy's deployment groups require of the service. */
    String CODE_DEPLOY = "CODE_DEPLOY";

    record TaskSet(String taskSetArn, String id, String status, String taskDefinition, String targetGroupArn,
        String externalId, double scalePercent, int computedDesiredCount, int pendingCount, int runningCount,
        int healthyCount, String stabilityStatus) {}

    record Service(String serviceArn, String serviceName, String clusterName, String status,
        String deploymentController, int desiredCount, String taskDefinition, String targetGroupArn,
        String containerName, int containerPort, List<TaskSet> taskSets) {}

    /** An awsvpc configuration (the AppSpec's NetworkConfiguration.AwsvpcConfiguration). */
    record Network(List<String> subnets, List<String> securityGroups, String assignPublicIp) {}

    /** The ACTIVE or DRAINING service in an ACTIVE cluster, empty when there is none. */
    Optional<Service> service(String cluster, String service);

    /** The ARN a service of that cluster and name has (whether or not it exists). */
    String serviceArn(String cluster, String service);

    /** Empty when the set does not exist (any more: a deleted set is gone once its tasks stopped). */
    Optional<TaskSet> taskSet(String taskSetArn);

    /** CreateTaskSet; {@code network} null takes the service's. Throws ECS's SDK exceptions. */
    String createTaskSet(String cluster, String service, String taskDefinition, String targetGroupArn,
        String containerName, int containerPort, String externalId, double scalePercent, Network network);

    void makePrimary(String taskSetArn);

    void deleteTaskSet(String taskSetArn);
  }

  /** ECS task definitions as the pipeline's deploy action registers and reads them (EcsEngine). */
  public interface TaskDefinitions {
    /**
     * Registers a task definition from taskdef.json text on behalf of {@code callerRoleArn}; returns its ARN or
     * throws the ECS SDK exception a real RegisterTaskDefinition would.
     */
    String register(String taskdefJson, String callerRoleArn);

    /** As {@link Deployer#describeTaskDefinition}. */
    Optional<String> describe(String familyOrArn);
  }
}
