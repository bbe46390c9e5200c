package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

class ArnsTest {
  private final Arns arns = Arns.of(Specs.tutorial(), Specs.TARGET);

  @Test
  void roles_createdByName_getAccountArns() {
    assertEquals("arn:aws:iam::123456789012:role/demo-ecs-task-execution", arns.taskExecutionRole());
    assertEquals("arn:aws:iam::123456789012:role/demo-codedeploy", arns.codeDeployRole());
    assertEquals("arn:aws:iam::123456789012:role/demo-codebuild", arns.codeBuildRole());
    assertEquals("arn:aws:iam::123456789012:role/demo-codepipeline", arns.codePipelineRole());
  }

  @Test
  void role_givenByArn_isUsedAsItIs() {
    Arns existing = Arns.of(Specs.withExistingRoles(Specs.tutorial(), true, false), Specs.TARGET);
    assertEquals("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", existing.taskExecutionRole());
  }

  @Test
  void repository_arnAndFullyQualifiedUri() {
    assertEquals("arn:aws:ecr:ap-northeast-1:123456789012:repository/demo", arns.repository());
    assertEquals("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/demo", arns.repositoryUri());
  }

  @Test
  void logGroups_taskAndCodeBuild() {
    assertEquals("arn:aws:logs:ap-northeast-1:123456789012:log-group:/ecs/demo", arns.logGroup());
    assertEquals("arn:aws:logs:ap-northeast-1:123456789012:log-group:/ecs/demo:*", arns.logGroupStreams());
    assertEquals("/aws/codebuild/demo-build", arns.codeBuildLogGroupName());
    assertEquals("arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/codebuild/demo-build", arns.codeBuildLogGroup());
  }

  @Test
  void ecs_clusterServiceAndTaskSets() {
    assertEquals("arn:aws:ecs:ap-northeast-1:123456789012:cluster/demo-cluster", arns.cluster());
    assertEquals("arn:aws:ecs:ap-northeast-1:123456789012:service/demo-cluster/demo-service", arns.service());
    assertEquals("arn:aws:ecs:ap-northeast-1:123456789012:task-set/demo-cluster/demo-service/*", arns.taskSets());
  }

  @Test
  void artifactBucket_notGiven_isDerivedFromSetupAndAccount() {
    assertEquals("demo-artifacts-123456789012", arns.artifactBucket());
    assertEquals("arn:aws:s3:::demo-artifacts-123456789012", arns.artifactBucketArn());
  }

  @Test
  void artifactBucket_derivedFromCapitalisedName_isLowerCase() {
    SetupSpec spec = SpecDefaults.tutorial("MyApp", "ap-northeast-1");
    assertEquals("myapp-artifacts-123456789012", Arns.of(spec, Specs.TARGET).artifactBucket());
  }

  @Test
  void artifactBucket_given_isUsed() {
    SetupSpec spec = Specs.withArtifactBucket(Specs.tutorial(), "team-artifacts");
    assertEquals("team-artifacts", Arns.of(spec, Specs.TARGET).artifactBucket());
  }

  @Test
  void codeServices_arns() {
    assertEquals("arn:aws:codebuild:ap-northeast-1:123456789012:project/demo-build", arns.codeBuildProject());
    assertEquals("arn:aws:codedeploy:ap-northeast-1:123456789012:application:AppECS-demo-cluster-demo-service",
        arns.codeDeployApplication());
    assertEquals("arn:aws:codedeploy:ap-northeast-1:123456789012:deploymentgroup:"
        + "AppECS-demo-cluster-demo-service/DgpECS-demo-cluster-demo-service", arns.codeDeployDeploymentGroup());
    assertEquals("arn:aws:codedeploy:ap-northeast-1:123456789012:deploymentconfig:CodeDeployDefault.ECSAllAtOnce",
        arns.codeDeployDeploymentConfig());
    assertEquals("arn:aws:codepipeline:ap-northeast-1:123456789012:demo-pipeline", arns.pipeline());
    assertEquals("arn:aws:codecommit:ap-northeast-1:123456789012:demo", arns.codeCommitRepository());
  }

  @Test
  void listeners_newLoadBalancer_scopedByName() {
    assertEquals("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/demo-alb/*", arns.listeners());
    assertEquals("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener-rule/app/demo-alb/*",
        arns.listenerRules());
  }

  @Test
  void listeners_existingLoadBalancer_scopedByItsArn() {
    SetupSpec spec = Specs.tutorial();
    LoadBalancer lb = spec.loadBalancer();
    String existing = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/shared/50dc6c495c0c9188";
    spec = spec.withLoadBalancer(new LoadBalancer(existing, lb.name(), lb.productionPort(), lb.testPort(),
        lb.targetGroup1(), lb.targetGroup2(), lb.healthCheck(), lb.deregistrationDelaySeconds()));
    assertEquals("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/shared/50dc6c495c0c9188/*",
        Arns.of(spec, Specs.TARGET).listeners());
  }

  @Test
  void china_arnsUseAwsCnPartition() {
    Arns cn = Arns.of(SpecDefaults.tutorial("demo", "cn-north-1"), new Target("123456789012", "cn-north-1"));
    assertEquals("arn:aws-cn:iam::123456789012:role/demo-codebuild", cn.codeBuildRole());
    assertEquals("arn:aws-cn:ecr:cn-north-1:123456789012:repository/demo", cn.repository());
    assertEquals("arn:aws-cn:s3:::demo-artifacts-123456789012", cn.artifactBucketArn());
    assertEquals("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/demo", cn.repositoryUri());
  }

  @Test
  void govCloud_arnsUseAwsUsGovPartition() {
    Arns gov = Arns.of(SpecDefaults.tutorial("demo", "us-gov-west-1"), new Target("123456789012", "us-gov-west-1"));
    assertEquals("arn:aws-us-gov:ecs:us-gov-west-1:123456789012:service/demo-cluster/demo-service", gov.service());
    assertEquals("arn:aws-us-gov:iam::123456789012:role/demo-codepipeline", gov.codePipelineRole());
  }
}
