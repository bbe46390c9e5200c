package org.bgwizard.artifacts;

import java.util.Locale;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;

/**
 * Every ARN, URI and derived name a setup uses, from the spec and where it is deployed. Listener ARNs carry ids
 * AWS assigns, so they are given as patterns scoped to the setup's load balancer.
 */
public final class Arns {
  private final SetupSpec spec;
  private final Target target;

  private Arns(SetupSpec spec, Target target) {
    this.spec = spec;
    this.target = target;
  }

  public static Arns of(SetupSpec spec, Target target) {
    return new Arns(spec, target);
  }

  public String partition() {
    return target.partition();
  }

  public String role(RoleRef role) {
    return role.isExisting() ? role.existingArn() : "arn:" + partition() + ":iam::" + target.accountId() + ":role/" + role.name();
  }

  public String role(ServiceRole role) {
    return role(role.ref(spec.roles()));
  }

  public String taskExecutionRole() {
    return role(ServiceRole.TASK_EXECUTION);
  }

  public String codeDeployRole() {
    return role(ServiceRole.CODE_DEPLOY);
  }

  public String codeBuildRole() {
    return role(ServiceRole.CODE_BUILD);
  }

  public String codePipelineRole() {
    return role(ServiceRole.CODE_PIPELINE);
  }

  public String repository() {
    return arn("ecr", "repository/" + spec.repository().name());
  }

  /** {@code <registry>/<repository>}, the fully qualified image name without tag (catalogue row 18). */
  public String repositoryUri() {
    return target.ecrRegistry() + "/" + spec.repository().name();
  }

  public String logGroup() {
    return logGroupArn(spec.ecs().logGroup());
  }

  /** The log group's streams, the resource of CreateLogStream and PutLogEvents. */
  public String logGroupStreams() {
    return logGroup() + ":*";
  }

  public String cluster() {
    return arn("ecs", "cluster/" + spec.ecs().cluster());
  }

  public String service() {
    return arn("ecs", "service/" + spec.ecs().cluster() + "/" + spec.ecs().service());
  }

  /** Every revision of the setup's task definition family. */
  public String taskDefinitions() {
    return arn("ecs", "task-definition/" + spec.ecs().taskFamily() + ":*");
  }

  /** The role ECS assumes to move an ecs-native setup's listener rules. */
  public String infrastructureRole() {
    return role(spec.ecsNative().infrastructureRole());
  }

  /** The service's task sets, which CodeDeploy creates and deletes for each deployment. */
  public String taskSets() {
    return arn("ecs", "task-set/" + spec.ecs().cluster() + "/" + spec.ecs().service() + "/*");
  }

  /** The given bucket, or {@code <setup>-artifacts-<account id>} (lower case: bucket names allow no capitals). */
  public String artifactBucket() {
    String given = spec.pipeline().artifactBucket();
    if (given != null && !given.isBlank()) {
      return given;
    }
    return (spec.name() + "-artifacts-" + target.accountId()).toLowerCase(Locale.ROOT);
  }

  public String artifactBucketArn() {
    return bucketArn(artifactBucket());
  }

  public String artifactObjects() {
    return artifactBucketArn() + "/*";
  }

  public String bucketArn(String bucket) {
    return "arn:" + partition() + ":s3:::" + bucket;
  }

  public String codeBuildProject() {
    return codeBuildProject(spec.codeBuild().project());
  }

  /** Another CodeBuild project of the setup (the unit-test project of a setup with environments). */
  public String codeBuildProject(String name) {
    return arn("codebuild", "project/" + name);
  }

  /** The build log group of the CodeBuild project {@code project} ({@code /aws/codebuild/<project>}). */
  public String codeBuildLogGroup(String project) {
    return logGroupArn("/aws/codebuild/" + project);
  }

  public String codeBuildLogGroupName() {
    return "/aws/codebuild/" + spec.codeBuild().project();
  }

  public String codeBuildLogGroup() {
    return logGroupArn(codeBuildLogGroupName());
  }

  public String codeDeployApplication() {
    return arn("codedeploy", "application:" + spec.codeDeploy().application());
  }

  public String codeDeployDeploymentGroup() {
    return arn("codedeploy", "deploymentgroup:" + spec.codeDeploy().application() + "/" + spec.codeDeploy().deploymentGroup());
  }

  public String codeDeployDeploymentConfig() {
    return arn("codedeploy", "deploymentconfig:" + spec.codeDeploy().deploymentConfig());
  }

  public String pipeline() {
    return arn("codepipeline", spec.pipeline().name());
  }

  public String codeCommitRepository() {
    return arn("codecommit", spec.source().repository());
  }

  /** The listeners of the setup's load balancer (their ids are assigned by AWS). */
  public String listeners() {
    return loadBalancerScoped("listener");
  }

  public String listenerRules() {
    return loadBalancerScoped("listener-rule");
  }

  private String loadBalancerScoped(String kind) {
    if (spec.loadBalancer().isExisting()) {
      // arn:…:loadbalancer/app/<name>/<id> → arn:…:listener/app/<name>/<id>/*
      return spec.loadBalancer().existingArn().replace(":loadbalancer/", ":" + kind + "/") + "/*";
    }
    return arn("elasticloadbalancing", kind + "/app/" + spec.loadBalancer().name() + "/*");
  }

  private String logGroupArn(String name) {
    return arn("logs", "log-group:" + name);
  }

  private String arn(String service, String resource) {
    return "arn:" + partition() + ":" + service + ":" + target.region() + ":" + target.accountId() + ":" + resource;
  }
}
