package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Step;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * For every step of the real plan: the step's creating call fails before it reaches AWS, or goes through and its
 * response is lost; then apply runs again. Either way the account ends as after a clean run, with no duplicate,
 * and everything is recorded as this setup's.
 */
class StepsCrashMatrixTest {
  /** The creating call of each kind of step: its service, SDK client and operation. */
  private record Create(Service service, String client, String operation) {}

  private static final Map<String, Create> CREATE = Map.ofEntries(
      Map.entry("iam-role", new Create(Service.IAM, "IamClient", "CreateRole")),
      Map.entry("ecr-repository", new Create(Service.ECR, "EcrClient", "CreateRepository")),
      Map.entry("ec2-security-group", new Create(Service.EC2, "Ec2Client", "CreateSecurityGroup")),
      Map.entry("logs-log-group", new Create(Service.LOGS, "CloudWatchLogsClient", "CreateLogGroup")),
      Map.entry("s3-bucket", new Create(Service.S3, "S3Client", "CreateBucket")),
      Map.entry("elbv2-target-group", new Create(Service.ELBV2, "ElasticLoadBalancingV2Client", "CreateTargetGroup")),
      Map.entry("elbv2-load-balancer", new Create(Service.ELBV2, "ElasticLoadBalancingV2Client",
          "CreateLoadBalancer")),
      Map.entry("elbv2-listener", new Create(Service.ELBV2, "ElasticLoadBalancingV2Client", "CreateListener")),
      Map.entry("ecs-cluster", new Create(Service.ECS, "EcsClient", "CreateCluster")),
      Map.entry("ecs-task-definition", new Create(Service.ECS, "EcsClient", "RegisterTaskDefinition")),
      Map.entry("ecs-service", new Create(Service.ECS, "EcsClient", "CreateService")),
      Map.entry("codedeploy-application", new Create(Service.CODEDEPLOY, "CodeDeployClient", "CreateApplication")),
      Map.entry("codedeploy-deployment-group", new Create(Service.CODEDEPLOY, "CodeDeployClient",
          "CreateDeploymentGroup")),
      Map.entry("codebuild-project", new Create(Service.CODEBUILD, "CodeBuildClient", "CreateProject")),
      Map.entry("codecommit-repository", new Create(Service.CODECOMMIT, "CodeCommitClient", "CreateRepository")),
      Map.entry("codepipeline-pipeline", new Create(Service.CODEPIPELINE, "CodePipelineClient", "CreatePipeline")),
      Map.entry("events-rule", new Create(Service.EVENTBRIDGE, "EventBridgeClient", "PutRule")));

  private static List<String> clean;
  private static List<Step> steps;

  @TempDir
  Path dir;

  @BeforeAll
  static void cleanRun(@TempDir Path cleanDir) throws Exception {
    var h = new SandboxHarness(cleanDir);
    steps = h.ops.plan(h.spec).plan().steps();
    assertTrue(h.apply().succeeded());
    clean = Inventory.of(h.clients);
  }

  static Stream<Arguments> everyStepTwice() throws Exception {
    var h = new SandboxHarness(Path.of(System.getProperty("java.io.tmpdir")));
    var out = new ArrayList<Arguments>();
    var plan = h.ops.plan(h.spec).plan().steps();
    for (int k = 0; k < plan.size(); k++) {
      out.add(Arguments.of(k, plan.get(k).ref(), true));
      out.add(Arguments.of(k, plan.get(k).ref(), false));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "step {0} {1}, failing before the call: {2}")
  @MethodSource("everyStepTwice")
  void failureAroundAStepsCreateCall_thenResume_endsLikeACleanRun(int k, ResourceRef ref, boolean before)
      throws Exception {
    var h = new SandboxHarness(dir);
    Create create = CREATE.get(ref.kind());
    int nth = 1 + (int) steps.subList(0, k).stream().filter(s -> CREATE.get(s.ref().kind()).equals(create)).count();
    if (before) {
      h.sandbox.faults().failNth(create.service(), create.operation(), nth,
          () -> SdkClientException.create("Unable to execute HTTP request: Connection reset"));
    } else {
      h.loseResponseOf(create.client(), create.operation(), nth);
    }

    ProvisionResult failed = h.apply();

    assertEquals(List.of(ref), failed.failed().stream().map(f -> f.resource()).toList(), failed::toString);
    h.sandbox.faults().clear();
    ProvisionResult resumed = h.apply();
    assertTrue(resumed.succeeded(), () -> resumed.failed().toString());
    assertEquals(clean, Inventory.of(h.clients));
    var entries = h.journal().entries();
    assertTrue(entries.stream().allMatch(e -> e.origin() == Origin.CREATE && e.state() == JournalEntry.State.DONE),
        entries::toString);
  }
}
