package org.bgwizard.sandbox;

/**
 * How long things take in the simulated account (seconds of simulated time), persisted with it. Defaults
 * follow aws-behaviour.md: an ALB provisions for about 2.5 minutes; a new role becomes usable by other
 * services after a propagation delay (catalogue row 15). bench/README.md ("Release") lists every duration of a
 * release with its source; where no AWS page gives a figure it says the figure is a judgement.
 */
public final class SandboxSettings {
  public int propagationDelaySeconds = 10;
  public int loadBalancerProvisioningSeconds = 150;
  /**
   * Fargate finding capacity and attaching the task's ENI ("adds an overhead of several seconds", Amazon ECS
   * developer guide, "Optimize Amazon ECS task launch time"); 15 s is a judgement.
   */
  public int taskProvisioningSeconds = 15;
  /** Pulling the ~70 MB nginx-based image from ECR in the region and starting it: a judgement (no AWS figure). */
  public int taskPendingSeconds = 25;
  /**
   * SIGTERM to SIGKILL is at most ECS_CONTAINER_STOP_TIMEOUT, 30 s by default (Amazon ECS developer guide,
   * "Optimize load balancer connection draining parameters"); the sandbox takes the whole 30 s.
   */
  public int taskStoppingSeconds = 30;
  /** A whole CodeBuild build of the starter app's image, split into phases by {@code CodeBuildEngine}. */
  public int buildSeconds = 100;
  /** The CodeCommit source action reading the branch and zipping it into the artifact bucket: a judgement. */
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
}
