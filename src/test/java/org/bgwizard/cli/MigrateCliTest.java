package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/**
 * `migrate FILE --to ecs-native` through main, on a tutorial setup whose first pipeline run deployed with CodeDeploy
 * (production then on the second target group); the account's time moves on between commands.
 */
class MigrateCliTest extends SandboxCliTest {
  private void advanceUntil(Duration step, Predicate<Sandbox> done) throws Exception {
    var clock = new ManualClock[1];
    Sandbox sandbox = Sandbox.open(state, "us-east-1", t -> clock[0] = new ManualClock(t), Sleeper.NONE);
    for (int i = 0; i < 2000; i++) {
      if (done.test(sandbox)) {
        return;
      }
      clock[0].advance(step);
      sandbox.account().advanceToNow();
    }
    throw new AssertionError("the simulated account never reached the expected state");
  }

  private static boolean codeDeployRuns(Sandbox s) {
    return !s.codeDeploy().listDeployments(r -> r.includeOnlyStatusesWithStrings("Created", "Queued", "InProgress",
        "Baking", "Ready")).deployments().isEmpty();
  }

  private static boolean codeDeploySucceeded(Sandbox s) {
    return !s.codeDeploy().listDeployments(r -> r.includeOnlyStatusesWithStrings("Succeeded")).deployments().isEmpty()
        && !codeDeployRuns(s);
  }

  private static List<ServiceDeployment> serviceDeployments(Sandbox s) {
    var arns = s.ecs().listServiceDeployments(r -> r.cluster("demo-cluster").service("demo-service"))
        .serviceDeployments().stream().map(d -> d.serviceDeploymentArn()).toList();
    return arns.isEmpty() ? List.of()
        : s.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arns)).serviceDeployments();
  }

  private static boolean pausedBeforeProduction(Sandbox s) {
    return serviceDeployments(s).stream().anyMatch(d -> "PRE_PRODUCTION_TRAFFIC_SHIFT".equals(
        d.lifecycleStageAsString()) && d.lifecycleHookDetails().stream()
        .anyMatch(h -> "AWAITING_ACTION".equals(h.statusAsString())));
  }

  private static boolean nativeDeploymentSucceeded(Sandbox s) {
    return serviceDeployments(s).stream().anyMatch(d -> "SUCCESSFUL".equals(d.statusAsString()));
  }

  private static String controller(Sandbox s) {
    return s.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service")).services().get(0)
        .deploymentController().typeAsString();
  }

  private void approve() throws Exception {
    advanceUntil(Duration.ofSeconds(10), s -> {
      ServiceDeployment paused = serviceDeployments(s).stream().filter(d -> "PRE_PRODUCTION_TRAFFIC_SHIFT".equals(
          d.lifecycleStageAsString())).findFirst().orElseThrow();
      String hook = paused.lifecycleHookDetails().get(0).hookId();
      s.ecs().continueServiceDeployment(r -> r.serviceDeploymentArn(paused.serviceDeploymentArn()).hookId(hook)
          .action("CONTINUE"));
      return true;
    });
  }

  @Test
  void migrate_afterACodeDeployDeployment_releasesAsEcsNative_pausedThenApproved_andTeardownFollows() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofMinutes(1), MigrateCliTest::codeDeploySucceeded);

    int exit = sandbox("migrate", "--to", "ecs-native", "--yes");

    assertEquals(0, exit, err::toString);
    String text = err.toString();
    assertTrue(text.contains("--deployment-controller type=ECS"), text);
    assertTrue(text.contains("targetGroupArn=<demo-tg-2 arn>"), text);
    assertTrue(text.contains("aws deploy delete-deployment-group --application-name AppECS-demo-cluster-demo-service"),
        text);
    assertTrue(text.contains("Committed buildspec.yml to demo main"), text);
    assertTrue(Files.readString(setup).contains("\"ecs-native\""), Files.readString(setup));
    Sandbox after = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    assertEquals("ECS", controller(after));
    assertEquals(List.of(), after.codeDeploy().listApplications(r -> { }).applications());
    assertFalse(after.iam().listRoles().roles().stream().anyMatch(r -> r.roleName().equals("demo-codedeploy")));

    advanceUntil(Duration.ofSeconds(10), MigrateCliTest::pausedBeforeProduction);
    approve();
    advanceUntil(Duration.ofMinutes(1), MigrateCliTest::nativeDeploymentSucceeded);

    sandbox("status"); // exit 1 here: status calls the revision each release registers a drifted task definition
    assertTrue(out.toString().contains("PRESENT     ecs-service/demo-service"), out.toString());
    assertFalse(out.toString().contains("codedeploy-deployment-group"), out.toString());
    assertTrue(out.toString().contains("elbv2-listener-rule/demo-alb:80:rule-1"), out.toString());
    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    Sandbox gone = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    assertEquals(List.of(), gone.codePipeline().listPipelines(r -> { }).pipelines());
    assertEquals(List.of(), gone.ecs().listClusters(r -> { }).clusterArns());
  }

  @Test
  void migrate_failingHalfway_leavesTheFileCodeDeploy_andTheGroup_thenRunAgainFinishes() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofMinutes(1), MigrateCliTest::codeDeploySucceeded);
    String before = Files.readString(setup);
    out = new StringWriter();
    err = new StringWriter();

    int exit = Cli.run(new String[] {"migrate", setup.toString(), "--sandbox", "--sandbox-state", state.toString(),
        "--to", "ecs-native", "--yes"}, new PrintWriter(out, true), new PrintWriter(err, true),
        TestWorkspaces.manualBackend(s -> s.faults().deny(Service.CODEPIPELINE, "UpdatePipeline")));

    assertEquals(1, exit, err::toString);
    assertTrue(err.toString().contains("The migration failed; everything made so far is in the journal"),
        err.toString());
    assertEquals(before, Files.readString(setup));
    Sandbox s = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    assertEquals("ECS", controller(s));
    assertEquals(List.of("AppECS-demo-cluster-demo-service"), s.codeDeploy().listApplications(r -> { })
        .applications());

    assertEquals(0, sandbox("migrate", "--to", "ecs-native", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok codedeploy-application/AppECS-demo-cluster-demo-service: deleted"),
        err.toString());
    assertTrue(Files.readString(setup).contains("\"ecs-native\""), Files.readString(setup));
  }

  @Test
  void migrate_withoutATerminalOrYes_printsThePlan_andChangesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofMinutes(1), MigrateCliTest::codeDeploySucceeded);
    String before = Files.readString(setup);

    int exit = sandbox("migrate", "--to", "ecs-native");

    assertEquals(1, exit, err::toString);
    String plan = err.toString();
    assertTrue(plan.contains("create   iam-role/demo-ecs-infrastructure"), plan);
    assertTrue(plan.contains("~ deployment controller: CODE_DEPLOY → ECS"), plan);
    assertTrue(plan.contains("--deployment-controller type=ECS --deployment-configuration 'strategy=BLUE_GREEN,"
        + "bakeTimeInMinutes=15,deploymentCircuitBreaker={enable=true,rollback=true},"
        + "lifecycleHooks=[{targetType=PAUSE,lifecycleStages=[PRE_PRODUCTION_TRAFFIC_SHIFT],"
        + "timeoutConfiguration={timeoutInMinutes=30,action=ROLLBACK}}]'"), plan);
    assertTrue(plan.contains("targetGroupArn=<demo-tg-2 arn>"), plan);
    assertTrue(plan.contains("{\"TargetGroupArn\":\"<demo-tg-2 arn>\",\"Weight\":100}"), plan);
    assertTrue(plan.contains("$ aws deploy delete-deployment-group --application-name AppECS-demo-cluster-demo-service"
        + " --deployment-group-name DgpECS-demo-cluster-demo-service"), plan);
    assertTrue(plan.contains("delete   iam-role/demo-codedeploy"), plan);
    assertTrue(plan.contains("the migration commits it to demo main as its last step"), plan);
    assertTrue(err.toString().contains("pass --yes to migrate. Nothing was changed."), err.toString());
    assertEquals(before, Files.readString(setup));
    assertEquals("CODE_DEPLOY", controller(Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE)));
  }

  @Test
  void migrate_whileACodeDeployDeploymentRuns_refusesWithTheReason_andChangesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofSeconds(10), MigrateCliTest::codeDeployRuns);
    String before = Files.readString(setup);

    int exit = sandbox("migrate", "--to", "ecs-native", "--yes");

    assertEquals(1, exit, err::toString);
    assertTrue(err.toString().contains("is in progress, and AWS changes a service's deployment controller only"
        + " outside a deployment"), err.toString());
    assertEquals(before, Files.readString(setup));
    Sandbox s = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    assertEquals("CODE_DEPLOY", controller(s));
    assertFalse(s.iam().listRoles().roles().stream().anyMatch(r -> r.roleName().equals("demo-ecs-infrastructure")));
  }

  @Test
  void migrate_ofAnS3Setup_saysWhichFileTheUserUploads() {
    assertEquals(0, run("init", "demo", "--source", "s3", "--out", setup.toString(), "--force"), err::toString);

    assertEquals(1, sandbox("migrate", "--to", "ecs-native"));

    assertTrue(err.toString().matches("(?s).*Source: buildspec.yml must write imagedefinitions.json .*: write it with"
        + " `files \\S+demo.json --out DIR` after the migration, put it in your source zip and upload the zip to"
        + " s3://\\S+; until then a release fails at the Deploy stage\\..*"), err.toString());
  }

  @Test
  void migrate_toAnotherStrategy_isAUsageErrorNamingTheValue() {
    assertEquals(2, sandbox("migrate", "--to", "codedeploy", "--yes"));
    assertTrue(err.toString().contains("--to 'codedeploy' is not a strategy a setup can move to; expected ecs-native"),
        err.toString());
  }
}
