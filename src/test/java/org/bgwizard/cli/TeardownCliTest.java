package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;

/**
 * `teardown --yes` after the setup has been used: one run exits 0 and the simulated account keeps nothing of the
 * setup (issue 12). Between commands the test moves the account's simulated time on, as time passes between them.
 */
class TeardownCliTest extends SandboxCliTest {
  /** Opens the saved account where its time stopped and moves time on by {@code step} until {@code done}. */
  private void advanceUntil(Duration step, Predicate<Sandbox> done) throws Exception {
    var clock = new ManualClock[1];
    Sandbox sandbox = Sandbox.open(state, "us-east-1", t -> clock[0] = new ManualClock(t), Sleeper.NONE);
    for (int i = 0; i < 500; i++) {
      if (done.test(sandbox)) {
        return;
      }
      clock[0].advance(step);
      sandbox.account().advanceToNow();
    }
    throw new AssertionError("the simulated account never reached the expected state");
  }

  private static boolean productionForwardsToTheSecondGroup(Sandbox s) {
    var elb = s.elbv2();
    String lb = elb.describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0).loadBalancerArn();
    return elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream().filter(l -> l.port() == 80)
        .flatMap(l -> l.defaultActions().get(0).forwardConfig().targetGroups().stream())
        .anyMatch(t -> t.weight() > 0 && t.targetGroupArn().contains(":targetgroup/demo-tg-2/"));
  }

  private static boolean noDeploymentRuns(Sandbox s) {
    return s.codeDeploy().listDeployments(r -> r.includeOnlyStatusesWithStrings("Created", "Queued", "InProgress",
        "Baking", "Ready")).deployments().isEmpty();
  }

  private static boolean buildRuns(Sandbox s) {
    var ids = s.codeBuild().listBuildsForProject(r -> r.projectName("demo-build")).ids();
    return !ids.isEmpty() && s.codeBuild().batchGetBuilds(r -> r.ids(ids)).builds().stream()
        .anyMatch(b -> "IN_PROGRESS".equals(b.buildStatusAsString()) && "BUILD".equals(b.currentPhase()));
  }

  /** What the setup could leave behind, read from the saved account. */
  private List<String> leftInTheAccount() throws Exception {
    Sandbox s = Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
    var left = new ArrayList<String>();
    s.logs().describeLogGroups(r -> { }).logGroups().forEach(g -> left.add("log group " + g.logGroupName()));
    s.elbv2().describeTargetGroups(r -> { }).targetGroups().forEach(t -> left.add("target group "
        + t.targetGroupName()));
    s.elbv2().describeLoadBalancers(r -> { }).loadBalancers().forEach(l -> left.add("load balancer "
        + l.loadBalancerName()));
    s.ecs().listClusters(r -> { }).clusterArns().forEach(c -> left.add("cluster " + c));
    s.ecr().describeRepositories(r -> { }).repositories().forEach(r -> left.add("repository " + r.repositoryName()));
    s.codeBuild().listProjects(r -> { }).projects().forEach(p -> left.add("build project " + p));
    s.codePipeline().listPipelines(r -> { }).pipelines().forEach(p -> left.add("pipeline " + p.name()));
    s.codeDeploy().listApplications(r -> { }).applications().forEach(a -> left.add("application " + a));
    return left;
  }

  @Test
  void teardown_afterADeploymentLeftProductionOnTheSecondGroup_finishesInOneRun_andLeavesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofMinutes(1), TeardownCliTest::productionForwardsToTheSecondGroup);
    advanceUntil(Duration.ofMinutes(5), TeardownCliTest::noDeploymentRuns);

    int exit = sandbox("teardown", "--yes");

    assertEquals(0, exit, err::toString);
    assertTrue(err.toString().contains("ok elbv2-target-group/demo-tg-2: deleted"), err.toString());
    assertEquals(List.of(), leftInTheAccount());
  }

  @Test
  void teardown_whileTheFirstPipelineRunBuilds_stopsIt_andLeavesNoBuildLogGroup() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    advanceUntil(Duration.ofSeconds(5), TeardownCliTest::buildRuns);

    int exit = sandbox("teardown", "--yes");

    assertEquals(0, exit, err::toString);
    assertTrue(err.toString().contains("stopped and abandoned pipeline execution "), err.toString());
    assertTrue(err.toString().contains("stopped build demo-build:"), err.toString());
    assertEquals(List.of(), leftInTheAccount());
  }
}
