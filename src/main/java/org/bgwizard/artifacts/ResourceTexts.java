package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bgwizard.setup.SetupSpec;

/**
 * The names, descriptions and small documents apply gives resources besides the IAM policies, in one place so that
 * the CloudFormation export describes the very same resources (a security group's description cannot change
 * without replacing the group).
 */
public final class ResourceTexts {
  /** The inline policy each created role carries. */
  public static final String ROLE_POLICY = "bgwizard-permissions";
  /** The pipeline role's second inline policy: UseConnection on a connection the setup created. */
  public static final String CONNECTION_POLICY = "bgwizard-connection";

  private ResourceTexts() {}

  public static String roleDescription(SetupSpec spec, ServiceRole role) {
    return "Blue/green setup " + spec.name() + ": " + role.service();
  }

  public static String eventsRoleDescription(SetupSpec spec) {
    return "Blue/green setup " + spec.name() + ": EventBridge starts the pipeline";
  }

  public static String loadBalancerGroupName(SetupSpec spec) {
    return spec.name() + "-alb";
  }

  public static String loadBalancerGroupDescription(SetupSpec spec) {
    return "Load balancer of " + spec.name() + ": production and test listeners";
  }

  public static String serviceGroupName(SetupSpec spec) {
    return spec.name() + "-service";
  }

  public static String serviceGroupDescription(SetupSpec spec) {
    return "Tasks of " + spec.name() + ": container port from the load balancer only";
  }

  public static String codeCommitDescription(SetupSpec spec) {
    return "Source of the blue/green setup " + spec.name();
  }

  public static String eventRuleDescription(SetupSpec spec) {
    return "Starts " + spec.pipeline().name() + " when its source changes";
  }

  /** The ECR lifecycle policy: expire every image beyond the newest {@code keepImages}. */
  public static ObjectNode ecrLifecyclePolicy(int keepImages) {
    ObjectNode rule = Json.object();
    rule.put("rulePriority", 1);
    rule.put("description", "Keep the newest " + keepImages + " images");
    ObjectNode selection = rule.putObject("selection");
    selection.put("tagStatus", "any");
    selection.put("countType", "imageCountMoreThan");
    selection.put("countNumber", keepImages);
    rule.putObject("action").put("type", "expire");
    ObjectNode policy = Json.object();
    policy.putArray("rules").add(rule);
    return policy;
  }
}
