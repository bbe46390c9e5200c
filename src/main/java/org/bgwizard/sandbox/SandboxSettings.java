package org.bgwizard.sandbox;

/**
 * How long things take in the simulated account (seconds of simulated time), persisted with it. Defaults
 * follow aws-behaviour.md: an ALB provisions for about 2.5 minutes; a new role becomes usable by other
 * services after a propagation delay (catalogue row 15).
 */
public final class SandboxSettings {
  public int propagationDelaySeconds = 10;
  public int loadBalancerProvisioningSeconds = 150;
  public int taskProvisioningSeconds = 15;
  public int taskPendingSeconds = 25;
  public int taskStoppingSeconds = 30;
  public int buildSeconds = 120;
  public int sourceSeconds = 5;
  /**
   * Simulates a new account, whose ECS service-linked role does not exist yet: CreateCluster and CreateService then
   * ask IAM whether ECS can assume {@code AWSServiceRoleForECS} and fail with catalogue row 14 while it is missing
   * or, for {@code propagationDelaySeconds} after CreateServiceLinkedRole, not yet propagated (aws/containers-roadmap
   * #2614: ECS assumes the role at once, so the first CreateCluster of an account fails and a second run works).
   * Off by default: the sandbox account behaves as accounts that have used ECS do.
   */
  public boolean ecsServiceLinkedRoleMissing;
  /**
   * Seconds after CreateSecurityGroup during which other calls that name the new group by id do not see it:
   * EC2 answers {@code InvalidGroup.NotFound}, and ELB and ECS report that the group does not exist ("Eventual
   * consistency in the Amazon EC2 API", EC2 developer guide). 0 by default.
   */
  public int securityGroupVisibilitySeconds;
  /**
   * Simulates Docker Hub's anonymous pull limit for builds (catalogue row 21): a Dockerfile whose FROM is a Docker
   * Hub image fails to build unless the build logged in to Docker Hub. Off by default.
   */
  public boolean dockerHubRateLimited;
}
