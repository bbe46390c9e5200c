package org.bgwizard.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The failure catalogue ({@code reference/failure-catalogue.md}): every error the tutorials ran into, found by a
 * stable fragment of the text a user sees. Used by preflight checks, the provisioner and the dashboard.
 */
public final class Catalogue {
  private static final List<CatalogueEntry> ENTRIES = List.of(
      new CatalogueEntry(1, "Pipeline deploy (ECS blue/green)",
          List.of("Exception while trying to read the image artifact file")),
      new CatalogueEntry(2, "Pipeline deploy", List.of("You are missing permissions to access input artifact")),
      new CatalogueEntry(3, "Standard ECS deploy (not ours)",
          List.of("imagedefinitions.json contains invalid JSON format")),
      new CatalogueEntry(4, "CodeDeploy", List.of("The container … does not exist in the task definition")),
      new CatalogueEntry(5, "CodeDeploy", List.of("did not have a container port … defined")),
      new CatalogueEntry(6, "CodeDeploy", List.of("Invalid revision number", "TaskDefinition is inactive")),
      new CatalogueEntry(7, "CodeDeploy",
          List.of("An AppSpec file is required, but could not be found in the revision")),
      new CatalogueEntry(8, "CodeDeploy install",
          List.of("Green taskset target group cannot have non-zero weight prior to traffic shifting")),
      new CatalogueEntry(9, "CreateDeploymentGroup", List.of("must contain a valid pair of target groups")),
      new CatalogueEntry(10, "CreateDeploymentGroup",
          List.of("must be configured for a CODE_DEPLOY deployment controller")),
      new CatalogueEntry(11, "CodeDeploy (after ~60 min)",
          List.of("The deployment timed out while waiting for the replacement task set to become healthy")),
      new CatalogueEntry(12, "CreateService",
          List.of("has target type instance, which is incompatible with the awsvpc network mode")),
      new CatalogueEntry(13, "CreateService", List.of("does not have an associated load balancer")),
      new CatalogueEntry(14, "CreateCluster/Service on a new account",
          List.of("Unable to assume the service linked role")),
      new CatalogueEntry(15, "Right after creating roles", List.of(
          "Cannot assume role provided",
          "does not have the permissions required to assume the role",
          "not authorized to perform AssumeRole",
          "is not authorized to perform: sts:AssumeRole")),
      new CatalogueEntry(16, "Registering task defs / deploying", List.of("is not authorized to perform: iam:PassRole")),
      new CatalogueEntry(17, "Task start", List.of("ECS was unable to assume the role")),
      new CatalogueEntry(18, "Task start", List.of(
          "CannotPullContainerError … pull access denied",
          "CannotPullContainerError … repository does not exist",
          "CannotPullContainerError … docker.io/")),
      new CatalogueEntry(19, "Task start", List.of(
          "CannotPullContainerError … i/o timeout",
          "unable to pull secrets or registry auth")),
      new CatalogueEntry(20, "Container start", List.of("exec format error")),
      new CatalogueEntry(21, "CodeBuild", List.of(
          "toomanyrequests: You have reached your pull rate limit",
          "You have reached your pull rate limit",
          "CannotPullContainerError … toomanyrequests")),
      new CatalogueEntry(22, "CodeBuild", List.of("Cannot connect to the Docker daemon")),
      new CatalogueEntry(23, "CodeBuild", List.of(
          "not authorized to perform: ecr:GetAuthorizationToken",
          "not authorized to perform: ecr:BatchCheckLayerAvailability",
          "not authorized to perform: ecr:InitiateLayerUpload",
          "not authorized to perform: ecr:UploadLayerPart",
          "not authorized to perform: ecr:CompleteLayerUpload",
          "not authorized to perform: ecr:PutImage")),
      new CatalogueEntry(24, "Task start", List.of(
          "failed to create Cloudwatch log stream",
          "The specified log group does not exist",
          "requires task definition to have execution role ARN to support log driver awslogs")),
      new CatalogueEntry(25, "Updating a CODE_DEPLOY service",
          List.of("Unable to update task definition on services with a CODE_DEPLOY deployment controller")),
      new CatalogueEntry(26, "CreateDeploymentGroup",
          List.of("Deployment ready action cannot be set to 'CONTINUE_DEPLOYMENT' when timeout is specified")),
      new CatalogueEntry(27, "CodeBuild", List.of("YAML_FILE_ERROR", "buildspec parse failure")),
      new CatalogueEntry(28, "CodeCommit CreateRepository on a new account", List.of(
          "CreateRepository request is not allowed because there is no existing repository")),
      new CatalogueEntry(29, "CodeConnections / pipeline source", List.of(
          "from PENDING to AVAILABLE",
          "is not AVAILABLE: its handshake is not complete",
          "connection is not available")),
      // terraform-provider-aws #16889, pulumi #5900
      new CatalogueEntry(30, "Teardown (DeleteTargetGroup)", List.of("is currently in use by a listener or a rule")),
      // gruntwork-io/cloud-nuke #368
      new CatalogueEntry(31, "Teardown (DeleteCluster)", List.of(
          "The Cluster cannot be deleted while Tasks are active", "ClusterContainsTasksException")),
      new CatalogueEntry(32, "Right after CreateSecurityGroup",
          List.of("The security group … does not exist")),
      // ECS stopped task reasons, "Amazon ECS stopped task error messages" (Amazon ECS Developer Guide)
      new CatalogueEntry(33, "Replacement tasks, ELB health checks", List.of("Task failed ELB health checks")),
      // short on purpose: a container's own reason (exec format error, row 20) is more specific and must win
      new CatalogueEntry(34, "Container start", List.of("in task exited")),
      // the standard ECS action: a container name imagedefinitions.json gives that the task definition lacks
      // (aws-samples/aws-modern-application-workshop #153; "Amazon Elastic Container Service deploy action reference");
      // the missing file's text is the simulated one, after row 1's (M)
      new CatalogueEntry(35, "Pipeline deploy (Amazon ECS action, ecs-native)", List.of(
          "The AWS ECS container … does not exist", "Exception while trying to read the image definition file")),
      // DeploymentTimeout 1–60 min ends the action, not the ECS deployment (CDK EcsDeployActionProps; "Amazon Elastic
      // Container Service deploy action reference"; aws/containers-roadmap #1372); the text is the simulated one (M)
      new CatalogueEntry(36, "Pipeline deploy (Amazon ECS action, ecs-native)", List.of(
          "did not complete within the action's DeploymentTimeout")),
      // "Application Load Balancer resources for blue/green deployments": rules mixing forward with redirect,
      // fixed-response or authentication fail the deployment; the text is the simulated one (M)
      new CatalogueEntry(37, "ECS blue/green deployment (listener rules)", List.of(
          "listener rule … has an action that is not forward", "only forward actions")),
      // a role ECS assumes for the load balancer it cannot use (hashicorp/terraform #4609, Shippable/support #3027);
      // the infrastructure role's trust and policy: "Amazon ECS infrastructure IAM role for load balancers"
      new CatalogueEntry(38, "ECS blue/green deployment (infrastructure role)", List.of(
          "Unable to assume role and validate", "AmazonECSInfrastructureRolePolicyForLoadBalancers")),
      // the same page, "CannotPullContainer task errors": the image's tag or digest is not in the repository
      new CatalogueEntry(41, "Task start (image in ECR)", List.of("CannotPullContainerError … : not found")),
      // Docker's own texts; CodeBuild prints them in the build's log (aws-actions/amazon-ecr-login #337, #431)
      new CatalogueEntry(42, "CodeBuild (docker login)", List.of(
          "login attempt to … failed with status",
          "unauthorized: incorrect username or password",
          "Cannot perform an interactive login from a non TTY device")),
      new CatalogueEntry(43, "CodeBuild (docker push)", List.of("no basic auth credentials")),
      new CatalogueEntry(44, "CodeBuild (docker push)", List.of("denied: requested access to the resource is denied")),
      // the build's UPLOAD_ARTIFACTS phase context (aws-containers/hello-app-runner-nodejs #1)
      new CatalogueEntry(45, "CodeBuild (artifacts)", List.of("no matching artifact paths found")),
      new CatalogueEntry(46, "CodeBuild (docker build)", List.of("failed to read dockerfile")));

  private Catalogue() {}

  public static List<CatalogueEntry> all() {
    return ENTRIES;
  }

  /** The entry of catalogue row {@code row}. */
  public static CatalogueEntry entry(int row) {
    return ENTRIES.stream().filter(e -> e.row() == row).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "The failure catalogue has rows " + ENTRIES.stream().map(e -> String.valueOf(e.row()))
            .collect(java.util.stream.Collectors.joining(", ")) + ", not " + row));
  }

  /** The row whose fragment matches {@code text} most specifically (most matched characters; lower row on a tie). */
  public static Optional<CatalogueEntry> match(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String normalized = CatalogueEntry.normalize(text);
    return ENTRIES.stream()
        .filter(e -> e.score(normalized) > 0)
        .max(Comparator.comparingInt((CatalogueEntry e) -> e.score(normalized))
            .thenComparing(Comparator.comparingInt(CatalogueEntry::row).reversed()));
  }
}
