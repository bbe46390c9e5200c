package org.bgwizard.sandbox.elb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.sandbox.elb.ElbState.TargetGroup;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * Target groups (ELB API Reference, CreateTargetGroup): AWS's HTTP health check defaults and ranges, target type
 * {@code instance} unless told otherwise, idempotent creation, attributes, and no deletion while a listener forwards
 * to one.
 */
final class ElbTargetGroups {
  private final SandboxAccount account;
  private final ElbEngine elb;

  ElbTargetGroups(SandboxAccount account, ElbEngine elb) {
    this.account = account;
    this.elb = elb;
  }

  record HealthCheckSpec(Boolean enabled, String protocol, String port, String path, Integer intervalSeconds,
      Integer timeoutSeconds, Integer healthyThreshold, Integer unhealthyThreshold, String matcher) {}

  record TargetGroupSpec(String name, String protocol, Integer port, String vpcId, String targetType,
      HealthCheckSpec healthCheck, Map<String, String> tags) {}

  TargetGroup create(TargetGroupSpec spec) {
    elb.checkName("Target group", spec.name());
    String targetType = spec.targetType() == null ? "instance" : spec.targetType();
    if (!Set.of("instance", "ip").contains(targetType)) {
      throw elb.validation("The sandbox simulates target groups of type instance or ip only, not '" + targetType + "'");
    }
    if (spec.protocol() == null) {
      throw elb.validation("A protocol must be specified");
    }
    if (!Set.of("HTTP", "HTTPS").contains(spec.protocol())) {
      throw elb.validation("The sandbox simulates HTTP and HTTPS target groups only, not '" + spec.protocol() + "'");
    }
    if (spec.port() == null) {
      throw elb.validation("A port must be specified");
    }
    elb.checkPort("port", spec.port());
    if (spec.vpcId() == null) {
      throw elb.validation("A VPC ID must be specified");
    }
    var tg = new TargetGroup();
    tg.name = spec.name();
    tg.protocol = spec.protocol();
    tg.port = spec.port();
    tg.vpcId = spec.vpcId();
    tg.targetType = targetType;
    tg.healthCheckProtocol = spec.protocol();
    tg.healthCheckPort = "traffic-port";
    tg.healthCheckPath = "/";
    tg.healthCheckIntervalSeconds = 30;
    tg.healthCheckTimeoutSeconds = 6;
    tg.healthyThresholdCount = 5;
    tg.unhealthyThresholdCount = 2;
    tg.matcher = "200";
    applyHealthCheck(tg, spec.healthCheck());
    TargetGroup existing = elb.targetGroupByName(spec.name());
    if (existing != null) {
      if (sameSettings(existing, tg)) {
        return existing;
      }
      throw elb.error(DuplicateTargetGroupNameException.builder(), "DuplicateTargetGroupName",
          "A target group with the same name '" + spec.name() + "' exists, but with different settings");
    }
    tg.arn = elb.arnPrefix() + "targetgroup/" + spec.name() + "/" + account.ids().hex(16);
    tg.attributes.putAll(ElbAttributes.TARGET_GROUP_DEFAULTS);
    tg.tags.putAll(spec.tags());
    elb.st().targetGroups.put(tg.arn, tg);
    return tg;
  }

  private static boolean sameSettings(TargetGroup a, TargetGroup b) {
    return a.protocol.equals(b.protocol) && a.port == b.port && a.vpcId.equals(b.vpcId)
        && a.targetType.equals(b.targetType) && a.healthCheckPath.equals(b.healthCheckPath)
        && a.healthCheckPort.equals(b.healthCheckPort) && a.healthCheckProtocol.equals(b.healthCheckProtocol)
        && a.healthCheckIntervalSeconds == b.healthCheckIntervalSeconds
        && a.healthCheckTimeoutSeconds == b.healthCheckTimeoutSeconds
        && a.healthyThresholdCount == b.healthyThresholdCount && a.unhealthyThresholdCount == b.unhealthyThresholdCount
        && a.matcher.equals(b.matcher);
  }

  private void applyHealthCheck(TargetGroup tg, HealthCheckSpec hc) {
    if (hc == null) {
      return;
    }
    if (hc.enabled() != null && !hc.enabled()) {
      throw elb.validation("Health checks cannot be disabled for target groups with a target type of '"
          + tg.targetType + "'");
    }
    if (hc.protocol() != null) {
      if (!Set.of("HTTP", "HTTPS").contains(hc.protocol())) {
        throw elb.validation("Health check protocol '" + hc.protocol() + "' is not supported for target groups with the "
            + tg.protocol + " protocol");
      }
      tg.healthCheckProtocol = hc.protocol();
    }
    if (hc.port() != null) {
      if (!hc.port().equals("traffic-port")) {
        try {
          elb.checkPort("healthCheckPort", Integer.parseInt(hc.port()));
        } catch (NumberFormatException e) {
          throw elb.validation("Health check port '" + hc.port() + "' must be 'traffic-port' or a port number");
        }
      }
      tg.healthCheckPort = hc.port();
    }
    if (hc.path() != null) {
      if (hc.path().isEmpty() || hc.path().length() > 1024 || !hc.path().startsWith("/")) {
        throw elb.validation("Health check path must begin with '/' and be 1 to 1024 characters long");
      }
      tg.healthCheckPath = hc.path();
    }
    tg.healthCheckIntervalSeconds = elb.range("healthCheckIntervalSeconds", hc.intervalSeconds(), 5, 300,
        tg.healthCheckIntervalSeconds);
    tg.healthCheckTimeoutSeconds = elb.range("healthCheckTimeoutSeconds", hc.timeoutSeconds(), 2, 120,
        tg.healthCheckTimeoutSeconds);
    tg.healthyThresholdCount = elb.range("healthyThresholdCount", hc.healthyThreshold(), 2, 10, tg.healthyThresholdCount);
    tg.unhealthyThresholdCount = elb.range("unhealthyThresholdCount", hc.unhealthyThreshold(), 2, 10,
        tg.unhealthyThresholdCount);
    if (tg.healthCheckTimeoutSeconds >= tg.healthCheckIntervalSeconds) {
      throw elb.validation("Health check timeout '" + tg.healthCheckTimeoutSeconds
          + "' must be smaller than the interval '" + tg.healthCheckIntervalSeconds + "'");
    }
    if (hc.matcher() != null) {
      if (!ElbTargets.validMatcher(hc.matcher())) {
        throw elb.validation("Health check matcher HTTP code '" + hc.matcher()
            + "' must be a value, a list or a range of codes between 200 and 499");
      }
      tg.matcher = hc.matcher();
    }
  }

  List<TargetGroup> describe(List<String> arns, List<String> names, String loadBalancerArn) {
    if (!arns.isEmpty()) {
      return arns.stream().map(elb::targetGroup).toList();
    }
    if (!names.isEmpty()) {
      List<TargetGroup> found = new ArrayList<>();
      for (String n : names) {
        TargetGroup tg = elb.targetGroupByName(n);
        if (tg == null) {
          throw elb.error(TargetGroupNotFoundException.builder(), "TargetGroupNotFound",
              "Target groups '[" + n + "]' not found");
        }
        found.add(tg);
      }
      return found;
    }
    if (loadBalancerArn != null) {
      elb.loadBalancer(loadBalancerArn);
      return elb.st().targetGroups.values().stream()
          .filter(tg -> elb.loadBalancerArnsOf(tg.arn).contains(loadBalancerArn)).toList();
    }
    return List.copyOf(elb.st().targetGroups.values());
  }

  /** Checks the changes on a scratch copy first, so a rejected change leaves the group as it was. */
  TargetGroup modify(String arn, HealthCheckSpec hc) {
    TargetGroup tg = elb.targetGroup(arn);
    TargetGroup scratch = new TargetGroup();
    copyHealthCheck(tg, scratch);
    applyHealthCheck(scratch, hc);
    copyHealthCheck(scratch, tg);
    return tg;
  }

  private static void copyHealthCheck(TargetGroup from, TargetGroup to) {
    to.targetType = from.targetType;
    to.protocol = from.protocol;
    to.healthCheckProtocol = from.healthCheckProtocol;
    to.healthCheckPort = from.healthCheckPort;
    to.healthCheckPath = from.healthCheckPath;
    to.healthCheckIntervalSeconds = from.healthCheckIntervalSeconds;
    to.healthCheckTimeoutSeconds = from.healthCheckTimeoutSeconds;
    to.healthyThresholdCount = from.healthyThresholdCount;
    to.unhealthyThresholdCount = from.unhealthyThresholdCount;
    to.matcher = from.matcher;
  }

  void modifyAttributes(String arn, Map<String, String> changes) {
    TargetGroup tg = elb.targetGroup(arn);
    ElbAttributes.validateTargetGroup(changes, elb);
    tg.attributes.putAll(changes);
  }

  /**
   * Deleting a missing target group succeeds (the operation models no not-found error). One that a listener still
   * forwards to is ResourceInUse (terraform-provider-aws #16889, pulumi #5900).
   */
  void delete(String arn) {
    if (!elb.st().targetGroups.containsKey(arn)) {
      return;
    }
    if (elb.inUse(arn)) {
      throw elb.error(ResourceInUseException.builder(), "ResourceInUse",
          "Target group '" + arn + "' is currently in use by a listener or a rule");
    }
    elb.st().targetGroups.remove(arn);
  }
}
