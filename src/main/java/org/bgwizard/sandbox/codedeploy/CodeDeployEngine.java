package org.bgwizard.sandbox.codedeploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Application;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Deployment;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.DeploymentGroup;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Simulated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentWaitTypeException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.RevisionDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.RevisionRequiredException;

/**
 * CodeDeploy for ECS (CodeDeploy API Reference): applications and deployment groups through {@link CodeDeployGroups},
 * deployments here, their lifecycle in {@link CodeDeployLifecycle}. One active deployment per group
 * (DeploymentLimitExceededException; CircleCI-Public/aws-ecs-orb #181); the deployment keeps a copy of its group's
 * settings.
 *
 * <p>Where the catalogue's CodeDeploy rows surface: rows 9, 10, 15 and 26 reject CreateDeploymentGroup; row 7 (no
 * AppSpec content) and malformed AppSpec files reject CreateDeployment; rows 4, 5 and 6 (container, port,
 * task definition) and row 8 are the deployment's failure at Install, as seeds 000 and 002 saw them in the deploy
 * stage; row 11 fails it 60 minutes into Install.
 */
public final class CodeDeployEngine implements Simulated {
  static final Pattern DEPLOYMENT_ID = Pattern.compile("d-[A-Z0-9]{9}");
  static final String ROW_7 = "An AppSpec file is required, but could not be found in the revision";

  private final SandboxAccount account;
  private final Ports ports;
  private final CodeDeployGroups groups;
  private final CodeDeployLifecycle lifecycle;

  public CodeDeployEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
    this.groups = new CodeDeployGroups(this, account, ports);
    this.lifecycle = new CodeDeployLifecycle(this, account);
    account.register(this);
  }

  /** ECS's services and task sets, read from the ports at each call. */
  Ports.TaskSets ecs() {
    Ports.TaskSets p = ports.taskSets;
    if (p == null) {
      throw new IllegalStateException("sandbox port taskSets not wired");
    }
    return p;
  }

  /** ELB's listeners and target groups, read from the ports at each call. */
  Ports.LoadBalancing elb() {
    Ports.LoadBalancing p = ports.loadBalancing;
    if (p == null) {
      throw new IllegalStateException("sandbox port loadBalancing not wired");
    }
    return p;
  }

  CodeDeployGroups groups() {
    return groups;
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.CODEDEPLOY, code, message);
  }

  private Map<String, Deployment> deployments() {
    return account.state(CodeDeployState.class).deployments;
  }

  // ---- creating deployments

  /** An AppSpecContent revision (content, optional sha256) or an S3 one (bucket, key, bundleType YAML or JSON). */
  record Revision(String type, String content, String sha256, String bucket, String key, String bundleType) {}

  record DeploymentSpec(String applicationName, String groupName, Revision revision, String deploymentConfigName,
      String description, Boolean autoRollbackEnabled, List<String> autoRollbackEvents) {}

  Deployment createDeployment(DeploymentSpec spec) {
    Application app = groups.application(spec.applicationName());
    DeploymentGroup group = groups.group(app, spec.groupName());
    Revision revision = spec.revision();
    if (revision == null || revision.type() == null) {
      throw error(RevisionRequiredException.builder(), "RevisionRequiredException", "RevisionLocation must be specified");
    }
    String content = appSpecContent(revision);
    CodeDeployAppSpec appSpec;
    try {
      appSpec = CodeDeployAppSpec.parse(content);
    } catch (IllegalArgumentException e) {
      throw invalidRevision(e.getMessage());
    }
    String config = spec.deploymentConfigName() == null ? group.deploymentConfigName : spec.deploymentConfigName();
    if (CodeDeployConfigs.find(config).isEmpty()) {
      throw error(DeploymentConfigDoesNotExistException.builder(), "DeploymentConfigDoesNotExistException",
          "No deployment configuration found for name: " + config);
    }
    Optional<Deployment> active = activeIn(app.applicationName, group.deploymentGroupName);
    if (active.isPresent()) {
      throw error(DeploymentLimitExceededException.builder(), "DeploymentLimitExceededException",
          "The Deployment Group '" + group.deploymentGroupName + "' already has an active Deployment '"
              + active.get().deploymentId + "'");
    }
    Deployment d = newDeployment(app.applicationName, group.deploymentGroupName, CodeDeployGroups.copy(group), config,
        "user");
    d.description = spec.description();
    d.autoRollbackEnabled = spec.autoRollbackEnabled() == null ? group.autoRollbackEnabled : spec.autoRollbackEnabled();
    d.autoRollbackEvents = new ArrayList<>(spec.autoRollbackEvents() == null ? group.autoRollbackEvents
        : spec.autoRollbackEvents());
    d.revisionType = revision.type();
    if (revision.type().equals("AppSpecContent")) {
      d.appSpecContent = content;
      d.appSpecSha256 = sha256(content);
    } else {
      d.s3Bucket = revision.bucket();
      d.s3Key = revision.key();
      d.s3BundleType = revision.bundleType();
    }
    d.taskDefinition = appSpec.taskDefinition();
    d.containerName = appSpec.containerName();
    d.containerPort = appSpec.containerPort();
    d.network = appSpec.network();
    return d;
  }

  private String appSpecContent(Revision r) {
    switch (r.type()) {
      case "AppSpecContent" -> {
        if (r.content() == null || r.content().isBlank()) {
          throw invalidRevision(ROW_7 + ": the AppSpecContent has no content.");
        }
        if (r.sha256() != null && !r.sha256().equalsIgnoreCase(sha256(r.content()))) {
          throw invalidRevision("The sha256 of the AppSpecContent does not match its content.");
        }
        return r.content();
      }
      case "S3" -> {
        if (r.bucket() == null || r.key() == null) {
          throw invalidRevision("An S3 revision needs a bucket and a key.");
        }
        if (!"YAML".equals(r.bundleType()) && !"JSON".equals(r.bundleType())) {
          throw invalidRevision("An ECS deployment's S3 revision must be an AppSpec file with bundleType YAML or "
              + "JSON.");
        }
        Ports.Sources sources = ports.sources;
        if (sources == null) {
          throw new IllegalStateException("sandbox port sources not wired");
        }
        return sources.getObject(r.bucket(), r.key()).map(b -> new String(b, StandardCharsets.UTF_8)).orElseThrow(
            () -> error(RevisionDoesNotExistException.builder(), "RevisionDoesNotExistException",
                "The revision s3://" + r.bucket() + "/" + r.key() + " does not exist."));
      }
      default -> throw invalidRevision("An ECS deployment's revision is AppSpecContent or S3, not " + r.type() + ".");
    }
  }

  private AwsServiceException invalidRevision(String message) {
    return error(InvalidRevisionException.builder(), "InvalidRevisionException", message);
  }

  private Deployment newDeployment(String application, String group, DeploymentGroup settings, String config,
      String creator) {
    var d = new Deployment();
    do {
      d.deploymentId = "d-" + account.ids().upperAlnum(9);
    } while (deployments().containsKey(d.deploymentId));
    d.applicationName = application;
    d.deploymentGroupName = group;
    d.group = settings;
    d.deploymentConfigName = config;
    d.creator = creator;
    d.status = "Created";
    d.createTime = account.now();
    d.phase = CodeDeployLifecycle.CREATED;
    d.nextAt = account.now().plus(CodeDeployLifecycle.START_DELAY);
    d.events = CodeDeployLifecycle.events(d);
    d.targetStatus = "Pending";
    d.targetUpdatedAt = account.now();
    deployments().put(d.deploymentId, d);
    return d;
  }

  private Optional<Deployment> activeIn(String application, String group) {
    return deployments().values().stream().filter(CodeDeployLifecycle::active)
        .filter(d -> d.applicationName.equals(application) && d.deploymentGroupName.equals(group)).findFirst();
  }

  private static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The automatic rollback of {@code d} (CodeDeploy User Guide, "What happens during an Amazon ECS deployment": a
   * rollback reroutes traffic to the original task set; removing the replacement is inferred): a new deployment by
   * codeDeployRollback that reroutes production to the original task set and removes the replacement. None when the
   * original set was never recorded (the deployment stopped before Install) or is already being deleted.
   */
  void startRollback(Deployment d) {
    if (CodeDeployLifecycle.rollback(d) || d.blueTaskSetArn == null) {
      return;
    }
    var blue = ecs().taskSet(d.blueTaskSetArn);
    if (blue.isEmpty() || blue.get().status().equals("DRAINING")) {
      d.rollbackMessage = "The deployment cannot be rolled back: its original task set is being deleted.";
      return;
    }
    Deployment r = newDeployment(d.applicationName, d.deploymentGroupName, d.group, d.deploymentConfigName,
        CodeDeployLifecycle.ROLLBACK_CREATOR);
    r.taskDefinition = blue.get().taskDefinition();
    r.blueTaskSetArn = d.blueTaskSetArn;
    r.greenTaskSetArn = d.greenTaskSetArn;
    r.blueTargetGroupArn = d.blueTargetGroupArn;
    r.greenTargetGroupArn = d.greenTargetGroupArn;
    r.trafficPercent = d.trafficPercent;
    r.rollbackTriggeringDeploymentId = d.deploymentId;
    d.rollbackDeploymentId = r.deploymentId;
    d.statusMessages.add("Rollback deployment " + r.deploymentId + " started.");
  }

  // ---- reading deployments

  Deployment deployment(String id) {
    if (id == null || id.isEmpty()) {
      throw error(DeploymentIdRequiredException.builder(), "DeploymentIdRequiredException",
          "Deployment Id must be specified");
    }
    if (!DEPLOYMENT_ID.matcher(id).matches()) {
      throw error(InvalidDeploymentIdException.builder(), "InvalidDeploymentIdException",
          "Specified DeploymentId is not in the valid format: " + id);
    }
    Deployment d = deployments().get(id);
    if (d == null) {
      throw error(DeploymentDoesNotExistException.builder(), "DeploymentDoesNotExistException",
          "The Deployment " + id + " could not be found");
    }
    return d;
  }

  /**
   * Newest first. {@code application} and {@code group} were checked by the caller (both or neither). Deployments
   * created here carry no external id, so filtering by one finds none.
   */
  List<Deployment> listDeployments(String application, String group, List<String> statuses, Instant from,
      Instant to, String externalId) {
    List<Deployment> out = new ArrayList<>();
    for (Deployment d : deployments().values()) {
      boolean matches = (application == null || (d.applicationName.equals(application)
          && d.deploymentGroupName.equals(group)))
          && (statuses.isEmpty() || statuses.contains(d.status))
          && (from == null || !d.createTime.isBefore(from))
          && (to == null || !d.createTime.isAfter(to))
          && externalId == null;
      if (matches) {
        out.add(d);
      }
    }
    Collections.reverse(out);
    out.sort(Comparator.comparing((Deployment d) -> d.createTime).reversed());
    return out;
  }

  /** The group's newest deployment, or its newest Succeeded one; null if none. */
  Deployment lastDeployment(String application, String group, boolean succeeded) {
    Deployment last = null;
    for (Deployment d : deployments().values()) {
      if (d.applicationName.equals(application) && d.deploymentGroupName.equals(group)
          && (!succeeded || d.status.equals("Succeeded"))) {
        last = d;
      }
    }
    return last;
  }

  /** The ECS target id: {@code <cluster>:<service>} (CodeDeploy API Reference, BatchGetDeploymentTargets). */
  static String targetId(Deployment d) {
    return d.group.clusterName + ":" + d.group.serviceName;
  }

  /** Throws DeploymentNotStarted while the deployment is Created (CodeDeploy API Reference). */
  Deployment started(String id) {
    Deployment d = deployment(id);
    if (d.status.equals("Created")) {
      throw error(DeploymentNotStartedException.builder(), "DeploymentNotStartedException",
          "The specified deployment has not started.");
    }
    return d;
  }

  Deployment target(String id, String targetId) {
    Deployment d = started(id);
    if (targetId == null || targetId.isEmpty()) {
      throw error(DeploymentTargetIdRequiredException.builder(), "DeploymentTargetIdRequiredException",
          "A deployment target ID must be specified.");
    }
    if (!targetId.equals(targetId(d))) {
      throw error(DeploymentTargetDoesNotExistException.builder(), "DeploymentTargetDoesNotExistException",
          "The provided target ID " + targetId + " does not belong to the deployment " + id + ".");
    }
    return d;
  }

  /** One task set of an ECS target (SDK ECSTaskSet); trafficWeight is its share of the production listener. */
  record TaskSetView(String id, int desired, int pending, int running, String status, double trafficWeight,
      String targetGroupName, String label) {}

  /** The original (Blue) and replacement (Green) task sets while they exist, as GetDeploymentTarget shows them. */
  List<TaskSetView> taskSets(Deployment d) {
    List<Ports.LoadBalancing.Weight> forward = elb().listener(d.group.prodListenerArn)
        .map(Ports.LoadBalancing.Listener::forward).orElse(List.of());
    int total = forward.stream().mapToInt(Ports.LoadBalancing.Weight::weight).sum();
    List<TaskSetView> out = new ArrayList<>();
    for (String[] set : new String[][] {{d.blueTaskSetArn, "Blue"}, {d.greenTaskSetArn, "Green"}}) {
      var info = set[0] == null ? Optional.<Ports.TaskSets.TaskSet>empty() : ecs().taskSet(set[0]);
      info.ifPresent(i -> {
        int weight = forward.stream().filter(w -> w.targetGroupArn().equals(i.targetGroupArn()))
            .mapToInt(Ports.LoadBalancing.Weight::weight).sum();
        out.add(new TaskSetView(i.id(), i.computedDesiredCount(), i.pendingCount(), i.runningCount(), i.status(),
            total == 0 ? 0 : weight * 100.0 / total,
            elb().targetGroup(i.targetGroupArn()).map(Ports.LoadBalancing.TargetGroup::name).orElse(null), set[1]));
      });
    }
    return out;
  }

  // ---- acting on deployments

  /**
   * ContinueDeployment (CodeDeploy API Reference; AWS CLI Command Reference, continue-deployment). TERMINATION_WAIT
   * outside the wait is refused like READY_WAIT: the error AWS answers there is undocumented.
   */
  void continueDeployment(String id, String waitType) {
    Deployment d = deployment(id);
    String type = waitType == null ? "READY_WAIT" : waitType;
    if (!type.equals("READY_WAIT") && !type.equals("TERMINATION_WAIT")) {
      throw error(InvalidDeploymentWaitTypeException.builder(), "InvalidDeploymentWaitTypeException",
          "The wait type " + waitType + " is invalid. Valid wait types are READY_WAIT and TERMINATION_WAIT.");
    }
    if (!CodeDeployLifecycle.active(d)) {
      throw completed(d);
    }
    if (type.equals("READY_WAIT")) {
      if (!d.phase.equals(CodeDeployLifecycle.READY)) {
        throw error(DeploymentIsNotInReadyStateException.builder(), "DeploymentIsNotInReadyStateException",
            "The deployment " + id + " does not have a status of Ready and can't continue yet.");
      }
      lifecycle.continueFromReady(d);
    } else {
      if (!d.phase.equals(CodeDeployLifecycle.TERMINATION_WAIT)) {
        throw error(DeploymentIsNotInReadyStateException.builder(), "DeploymentIsNotInReadyStateException",
            "The deployment " + id + " is not waiting to terminate its original task set.");
      }
      lifecycle.terminateOriginal(d);
    }
    lifecycle.advanceTo(account.now());
  }

  /**
   * StopDeployment (CodeDeploy API Reference). Without {@code autoRollbackEnabled}, the deployment's own configuration
   * decides (DEPLOYMENT_STOP_ON_REQUEST). Without a rollback, listeners and task sets stay as they are (inferred).
   */
  void stop(String id, Boolean autoRollbackEnabled) {
    Deployment d = deployment(id);
    if (!CodeDeployLifecycle.active(d)) {
      throw completed(d);
    }
    boolean rollback = autoRollbackEnabled != null ? autoRollbackEnabled
        : d.autoRollbackEnabled && d.autoRollbackEvents.contains("DEPLOYMENT_STOP_ON_REQUEST");
    lifecycle.end(d, "Stopped", "MANUAL_STOP", "The deployment was stopped by a user.", false);
    if (rollback) {
      startRollback(d);
    }
    lifecycle.advanceTo(account.now());
  }

  private AwsServiceException completed(Deployment d) {
    return error(DeploymentAlreadyCompletedException.builder(), "DeploymentAlreadyCompletedException",
        "The deployment " + d.deploymentId + " has already completed with status " + d.status + ".");
  }

  // ---- simulation

  @Override
  public Instant nextTransition() {
    return lifecycle.nextTransition();
  }

  @Override
  public void advanceTo(Instant t) {
    lifecycle.advanceTo(t);
  }
}
