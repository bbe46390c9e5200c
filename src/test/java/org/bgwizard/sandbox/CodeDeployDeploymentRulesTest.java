package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.bgwizard.sandbox.SandboxFixtures.TG1;
import static org.bgwizard.sandbox.SandboxFixtures.TG2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetListSizeExceededException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentWaitTypeException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.RevisionDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.RevisionRequiredException;
import software.amazon.awssdk.services.codedeploy.model.TargetFilterName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** CreateDeployment's rules, failures at Install (catalogue rows 4–8), ContinueDeployment and the target calls. */
class CodeDeployDeploymentRulesTest {
  private final BlueGreenService f = SandboxFixtures.blueGreenService(GroupOptions.defaults().autoRollback(false)
      .readyWait(30));
  private final CodeDeployClient cd = f.sandbox.codeDeploy();

  private DeploymentInfo failedAtInstall(String appSpec) {
    String id = f.deployAppSpec(appSpec);
    f.advance(Duration.ofSeconds(5));
    DeploymentInfo d = f.deployment(id);
    assertEquals("Failed", d.statusAsString());
    assertEquals("Install:Failed", CodeDeployBlueGreenTest.events(f.target(id)).get(1));
    return d;
  }

  private static void assertFailure(DeploymentInfo d, String code, String fragment) {
    assertEquals(code, d.errorInformation().codeAsString());
    assertTrue(d.errorInformation().message().contains(fragment), d.errorInformation().message());
  }

  private void forwardProduction(Map<String, Integer> weights) {
    var tuples = weights.entrySet().stream().map(e -> TargetGroupTuple.builder()
        .targetGroupArn(e.getKey().equals(TG1) ? f.targetGroup1Arn : f.targetGroup2Arn).weight(e.getValue()).build())
        .toList();
    f.sandbox.elbv2().modifyListener(r -> r.listenerArn(f.prodListenerArn)
        .defaultActions(Action.builder().type("forward").forwardConfig(c -> c.targetGroups(tuples)).build()));
  }

  @Test
  void containerMissingFromTheTaskDefinition_failsTheDeploymentAtInstall() {
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    var d = failedAtInstall(BlueGreenService.appSpec(td, "web-codepipeline", 80));
    assertFailure(d, "ECS_UPDATE_ERROR", "The ECS service cannot be updated due to an unexpected error: The container "
        + "web-codepipeline does not exist in the task definition.");
    assertTrue(d.errorInformation().message().endsWith("Check your ECS service status."));
    assertEquals(1, f.taskSets().size());
  }

  @Test
  void containerPortMissing_failsTheDeploymentAtInstall() {
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    assertFailure(failedAtInstall(BlueGreenService.appSpec(td, "web", 8080)), "ECS_UPDATE_ERROR",
        "did not have a container port 8080 defined");
  }

  @Test
  void placeholderOrInactiveTaskDefinition_failsTheDeploymentAtInstall() {
    assertFailure(failedAtInstall(BlueGreenService.appSpec("<TASK_DEFINITION>", "web", 80)), "ECS_UPDATE_ERROR",
        "Invalid revision number");
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    f.sandbox.ecs().deregisterTaskDefinition(r -> r.taskDefinition(td));
    assertFailure(failedAtInstall(BlueGreenService.appSpec(td, "web", 80)), "ECS_UPDATE_ERROR",
        "TaskDefinition is inactive");
  }

  @Test
  void productionListenerAlreadySendingToGreen_orNotToBlue_failsTheDeploymentAtInstall() {
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    forwardProduction(Map.of(TG1, 90, TG2, 10));
    assertFailure(failedAtInstall(BlueGreenService.appSpec(td, "web", 80)), "ELASTIC_LOAD_BALANCING_INVALID",
        "Green taskset target group cannot have non-zero weight prior to traffic shifting");
    forwardProduction(Map.of(TG2, 1));
    assertFailure(failedAtInstall(BlueGreenService.appSpec(td, "web", 80)), "ELASTIC_LOAD_BALANCING_INVALID",
        "Primary taskset target group must be behind listener");
  }

  @Test
  void revisions_mustBeAParseableEcsAppSpec() {
    assertAwsError(RevisionRequiredException.class, "RevisionRequiredException", "RevisionLocation must be specified",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException",
        "An AppSpec file is required, but could not be found in the revision", () -> f.deployAppSpec(" "));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "could not be parsed",
        () -> f.deployAppSpec("Resources: [\n  - {"));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "ContainerPort",
        () -> f.deployAppSpec(BlueGreenService.appSpec(f.taskDefinitionArn, "web", 80).replace("ContainerPort", "Port")));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "AppSpecContent or S3",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
            .revision(v -> v.revisionType("String").string(s -> s.content("{}")))));
  }

  @Test
  void s3Revision_isReadFromTheBucket() {
    f.sandbox.s3().createBucket(r -> r.bucket("demo-artifacts"));
    assertAwsError(RevisionDoesNotExistException.class, "RevisionDoesNotExistException", "s3://demo-artifacts/appspec",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
            .revision(v -> v.revisionType("S3").s3Location(s -> s.bucket("demo-artifacts").key("appspec.yaml")
                .bundleType("YAML")))));
    f.sandbox.s3().putObject(r -> r.bucket("demo-artifacts").key("appspec.yaml"), RequestBody.fromString(
        BlueGreenService.appSpec(f.registerTaskDefinition(SandboxFixtures.NGINX), "web", 80), StandardCharsets.UTF_8));
    String id = cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
        .revision(v -> v.revisionType("S3").s3Location(s -> s.bucket("demo-artifacts").key("appspec.yaml")
            .bundleType("YAML")))).deploymentId();
    assertEquals("appspec.yaml", f.deployment(id).revision().s3Location().key());
  }

  @Test
  void oneActiveDeploymentPerGroup_andKnownGroupsAndConfigs() {
    String td = f.registerTaskDefinition(SandboxFixtures.NGINX);
    String first = f.deploy(td);
    assertAwsError(DeploymentLimitExceededException.class, "DeploymentLimitExceededException",
        "The Deployment Group '" + GROUP + "' already has an active Deployment '" + first + "'", () -> f.deploy(td));
    assertAwsError(DeploymentGroupDoesNotExistException.class, "DeploymentGroupDoesNotExistException", "ghost",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName("ghost")
            .revision(v -> v.revisionType("AppSpecContent").appSpecContent(c -> c.content("x: 1")))));
    cd.stopDeployment(r -> r.deploymentId(first));
    assertAwsError(DeploymentConfigDoesNotExistException.class, "DeploymentConfigDoesNotExistException",
        "CodeDeployDefault.AllAtOnce", () -> cd.createDeployment(r -> r.applicationName(APPLICATION)
            .deploymentGroupName(GROUP).deploymentConfigName("CodeDeployDefault.AllAtOnce")
            .revision(v -> v.revisionType("AppSpecContent")
                .appSpecContent(c -> c.content(BlueGreenService.appSpec(td, "web", 80))))));
  }

  @Test
  void continueDeployment_isRefusedOutsideItsWait_andAfterTheEnd() {
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    assertAwsError(DeploymentIsNotInReadyStateException.class, "DeploymentIsNotInReadyStateException",
        "does not have a status of Ready",
        () -> cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("READY_WAIT")));
    f.advance(Duration.ofSeconds(30));
    assertEquals("InProgress", f.status(id));
    assertAwsError(DeploymentIsNotInReadyStateException.class, "DeploymentIsNotInReadyStateException",
        "does not have a status of Ready", () -> cd.continueDeployment(r -> r.deploymentId(id)));
    f.advance(Duration.ofMinutes(3));
    assertEquals("Ready", f.status(id));
    assertAwsError(DeploymentIsNotInReadyStateException.class, "DeploymentIsNotInReadyStateException",
        "not waiting to terminate",
        () -> cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("TERMINATION_WAIT")));
    assertAwsError(InvalidDeploymentWaitTypeException.class, "InvalidDeploymentWaitTypeException", "LATER",
        () -> cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("LATER")));
    cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("READY_WAIT"));
    f.advance(Duration.ofSeconds(5));
    cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("TERMINATION_WAIT"));
    f.advanceUntil(id, "Succeeded", Duration.ofSeconds(10), Duration.ofMinutes(5));
    assertAwsError(DeploymentAlreadyCompletedException.class, "DeploymentAlreadyCompletedException", id,
        () -> cd.continueDeployment(r -> r.deploymentId(id).deploymentWaitType("TERMINATION_WAIT")));
    assertAwsError(DeploymentAlreadyCompletedException.class, "DeploymentAlreadyCompletedException", id,
        () -> cd.stopDeployment(r -> r.deploymentId(id)));
  }

  @Test
  void deploymentIds_areRequiredWellFormedAndKnown() {
    assertAwsError(DeploymentIdRequiredException.class, "DeploymentIdRequiredException", null,
        () -> cd.getDeployment(r -> r.deploymentId("")));
    assertAwsError(InvalidDeploymentIdException.class, "InvalidDeploymentIdException", "bogus",
        () -> cd.getDeployment(r -> r.deploymentId("bogus")));
    assertAwsError(DeploymentDoesNotExistException.class, "DeploymentDoesNotExistException", "d-AAAAAAAAA",
        () -> cd.stopDeployment(r -> r.deploymentId("d-AAAAAAAAA")));
    assertAwsError(DeploymentIdRequiredException.class, "DeploymentIdRequiredException", null,
        () -> cd.continueDeployment(r -> r.deploymentWaitType("READY_WAIT")));
    assertAwsError(InvalidDeploymentIdException.class, "InvalidDeploymentIdException", "d-1",
        () -> cd.continueDeployment(r -> r.deploymentId("d-1")));
    assertAwsError(DeploymentDoesNotExistException.class, "DeploymentDoesNotExistException", "d-AAAAAAAAA",
        () -> cd.continueDeployment(r -> r.deploymentId("d-AAAAAAAAA")));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    assertEquals(List.of(id), cd.batchGetDeployments(r -> r.deploymentIds(id, "d-AAAAAAAAA")).deploymentsInfo()
        .stream().map(DeploymentInfo::deploymentId).toList());
  }

  @Test
  void deploymentTargets_areTheServiceByClusterAndName() {
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    f.advance(Duration.ofSeconds(30));
    String target = SandboxFixtures.CLUSTER + ":" + SandboxFixtures.SERVICE;
    assertEquals(List.of(target), cd.listDeploymentTargets(r -> r.deploymentId(id)).targetIds());
    assertEquals(List.of(), cd.listDeploymentTargets(r -> r.deploymentId(id)
        .targetFilters(Map.of(TargetFilterName.TARGET_STATUS, List.of("Succeeded")))).targetIds());
    assertEquals(List.of(target), cd.listDeploymentTargets(r -> r.deploymentId(id)
        .targetFilters(Map.of(TargetFilterName.SERVER_INSTANCE_LABEL, List.of("Green")))).targetIds());
    var ecsTarget = cd.batchGetDeploymentTargets(r -> r.deploymentId(id).targetIds(target)).deploymentTargets().get(0);
    assertEquals("ECSTarget", ecsTarget.deploymentTargetTypeAsString());
    assertTrue(ecsTarget.ecsTarget().targetArn().endsWith(":service/demo-cluster/demo-service"));
    assertAwsError(DeploymentTargetDoesNotExistException.class, "DeploymentTargetDoesNotExistException", "other:svc",
        () -> cd.getDeploymentTarget(r -> r.deploymentId(id).targetId("other:svc")));
    assertAwsError(DeploymentTargetIdRequiredException.class, "DeploymentTargetIdRequiredException", null,
        () -> cd.getDeploymentTarget(r -> r.deploymentId(id)));
    assertAwsError(DeploymentTargetListSizeExceededException.class, "DeploymentTargetListSizeExceededException",
        null, () -> cd.batchGetDeploymentTargets(r -> r.deploymentId(id).targetIds(Collections.nCopies(26, target))));
  }
}
