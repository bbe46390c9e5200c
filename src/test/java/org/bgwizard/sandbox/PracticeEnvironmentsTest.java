package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.artifacts.PipelineStructure;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * Practice releases on a setup with environments (issue 15): a release for one environment commits to that
 * environment's branch and starts that environment's pipeline (through its own branch's rule), leaving the other
 * environment's branch and pipeline alone.
 */
class PracticeEnvironmentsTest {
  final PipelineFixture f = new PipelineFixture(SpecDefaults.withEnvironments(SpecDefaults.tutorial("demo", "us-east-1"),
      List.of("dev", "prod")));
  final SdkPracticeSource source;
  final Practice practice;

  PracticeEnvironmentsTest() {
    f.base();
    AwsClients clients = AwsClients.sandbox(new SandboxClientSource(f.sandbox), "us-east-1");
    source = new SdkPracticeSource(clients);
    practice = new Practice(source);
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
        + "\"events.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String role = f.sandbox.iam().createRole(b -> b.roleName("demo-events-test").assumeRolePolicyDocument(trust))
        .role().arn();
    f.sandbox.iam().putRolePolicy(b -> b.roleName("demo-events-test").policyName("start").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"codepipeline:StartPipelineExecution\",\"Resource\":\"*\"}]}"));
    f.propagate();
    for (EnvironmentSpec env : Environments.expand(f.spec)) {
      var spec = env.spec();
      String branch = spec.source().branch();
      if (!branch.equals(f.spec.source().branch())) {
        f.sandbox.codeCommit().createBranch(b -> b.repositoryName("demo").branchName(branch).commitId(f.head()));
      }
      f.sandbox.codePipeline().createPipeline(b -> b.pipeline(PipelineDeclarations.from(
          PipelineStructure.declaration(spec, PipelineFixture.TARGET))));
      String rule = spec.pipeline().name() + "-source";
      f.sandbox.eventBridge().putRule(b -> b.name(rule).eventPattern("{\"source\":[\"aws.codecommit\"],"
          + "\"detail-type\":[\"CodeCommit Repository State Change\"],\"detail\":{\"referenceName\":[\"" + branch
          + "\"]}}"));
      f.sandbox.eventBridge().putTargets(b -> b.rule(rule).targets(Target.builder().id("codepipeline")
          .arn("arn:aws:codepipeline:us-east-1:123456789012:" + spec.pipeline().name()).roleArn(role).build()));
    }
  }

  private DeploymentTarget target(String env) {
    return DeploymentTarget.of(Environments.expand(f.spec, env).orElseThrow().spec());
  }

  private int runs(String pipeline) {
    return f.sandbox.codePipeline().listPipelineExecutions(b -> b.pipelineName(pipeline))
        .pipelineExecutionSummaries().size();
  }

  @Test
  void aReleaseForOneEnvironment_commitsToItsBranch_andStartsOnlyItsPipeline() {
    DeploymentTarget prod = target("prod");
    DeploymentTarget dev = target("dev");
    assertEquals("prod", prod.source().branch());
    assertEquals("demo-pipeline-prod", prod.pipeline());

    String run = practice.release(prod.source().repository(), prod.source().branch(), prod.pipeline(),
        Practice.Behaviour.CRASHES);

    assertTrue(source.readFile("demo", "prod", Practice.INDEX_HTML).contains("Version 2"));
    assertTrue(source.readFile("demo", "prod", Practice.RELEASE_FILE).contains("CRASHES"));
    assertTrue(source.readFile("demo", dev.source().branch(), Practice.INDEX_HTML).contains("Version 1"));
    assertEquals(2, runs("demo-pipeline-prod"), "created, then the release (once: the rule started it)");
    assertEquals(1, runs(dev.pipeline()));
    assertEquals("CloudWatchEvent", f.sandbox.codePipeline().getPipelineExecution(b -> b.pipelineName(
        "demo-pipeline-prod").pipelineExecutionId(run)).pipelineExecution().trigger().triggerTypeAsString());
  }
}
