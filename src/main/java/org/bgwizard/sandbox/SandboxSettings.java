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
   * Simulates an account whose ECS service-linked role does not exist yet: CreateService then checks
   * {@code AWSServiceRoleForECS} through IAM and fails with catalogue row 14 while it is missing. Off by default:
   * the sandbox account has the role, as accounts that have used ECS do.
   */
  public boolean ecsServiceLinkedRoleMissing;
  /**
   * Simulates Docker Hub's anonymous pull limit for builds (catalogue row 21): a Dockerfile whose FROM is a Docker
   * Hub image fails to build unless the build logged in to Docker Hub. Off by default.
   */
  public boolean dockerHubRateLimited;
  /**
   * Simulates a new AWS customer: CodeCommit has not onboarded new customers since 2024-07-25, so CreateRepository
   * fails with OperationNotAllowedException while the account has no repository (catalogue row 28; AWS DevOps blog
   * "How to migrate your AWS CodeCommit repository to another Git provider"; aws-containers/ecs-workshop-blue-green-
   * deployments#11). Off by default: the sandbox account is an existing CodeCommit customer.
   */
  public boolean codeCommitClosed;
}
