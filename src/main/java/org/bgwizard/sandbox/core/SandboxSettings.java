package org.bgwizard.sandbox.core;

/**
 * How long things take in the simulated account (seconds of simulated time), persisted with it. Defaults
 * follow public reports: an ALB provisions for minutes (kubernetes/kubernetes #44695), here 2.5; a new role becomes
 * usable by other services after a propagation delay (catalogue row 15). bench/README.md ("Release") lists every
 * duration of a release with its source; where no AWS page gives a figure it says the figure is a judgement.
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
  /**
   * Simulates a new AWS customer: CodeCommit has not onboarded new customers since 2024-07-25, so CreateRepository
   * fails with OperationNotAllowedException while the account has no repository (catalogue row 28; AWS DevOps blog
   * "How to migrate your AWS CodeCommit repository to another Git provider"; aws-containers/ecs-workshop-blue-green-
   * deployments#11). Off by default: the sandbox account is an existing CodeCommit customer.
   */
  public boolean codeCommitClosed;
}
