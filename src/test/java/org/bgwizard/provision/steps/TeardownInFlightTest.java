package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;

/** Teardown of a setup that has been used since apply: it finishes in one run and leaves nothing (issue 12). */
class TeardownInFlightTest {
  @TempDir
  Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private SandboxHarness parallel() {
    return new SandboxHarness(dir, SpecDefaults.tutorial("demo", SandboxHarness.REGION), pool);
  }

  /** Moves simulated time on a minute at a time until the production listener forwards to {@code targetGroup}. */
  private static void untilProductionForwardsTo(SandboxHarness h, String targetGroup) {
    var elb = h.clients.elbv2();
    String lb = elb.describeLoadBalancers(r -> r.names("demo-alb")).loadBalancers().get(0).loadBalancerArn();
    for (int minute = 0; minute < 180; minute++) {
      var production = elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
          .filter(l -> l.port() == 80).findFirst().orElseThrow();
      String forwardsTo = production.defaultActions().get(0).forwardConfig().targetGroups().stream()
          .filter(t -> t.weight() > 0).map(t -> t.targetGroupArn()).findFirst().orElseThrow();
      if (forwardsTo.contains(":targetgroup/" + targetGroup + "/")) {
        return;
      }
      h.clock.advance(Duration.ofMinutes(1));
    }
    throw new AssertionError("production never forwarded to " + targetGroup);
  }

  private static boolean deploymentsFinished(SandboxHarness h) {
    var cd = h.clients.codeDeploy();
    return cd.listDeployments(r -> r.includeOnlyStatusesWithStrings("Created", "Queued", "InProgress", "Baking",
        "Ready")).deployments().isEmpty();
  }

  @Test
  void teardown_afterADeploymentMovedProductionToTheSecondGroup_finishesInOneRun() throws Exception {
    var h = parallel();
    assertTrue(h.apply().succeeded());
    untilProductionForwardsTo(h, "demo-tg-2");
    while (!deploymentsFinished(h)) {
      h.clock.advance(Duration.ofMinutes(5));
    }

    ProvisionResult result = h.teardown();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @Test
  void teardown_whileTheFirstBuildRuns_leavesNoBuildLogGroup() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clock.advance(Duration.ofSeconds(40));
    var builds = h.clients.codeBuild().listBuildsForProject(r -> r.projectName("demo-build")).ids();
    assertEquals("IN_PROGRESS", h.clients.codeBuild().batchGetBuilds(r -> r.ids(builds)).builds().get(0)
        .buildStatusAsString());

    ProvisionResult result = h.teardown();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @Test
  void teardown_deletesTheImageRepositoryWithForce_soAnImagePushedMeanwhileCannotBlockIt() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());

    assertTrue(h.teardown().succeeded());

    var deletes = h.requests.stream().filter(r -> r instanceof DeleteRepositoryRequest)
        .map(r -> (DeleteRepositoryRequest) r).toList();
    assertEquals(1, deletes.size());
    assertEquals(Boolean.TRUE, deletes.get(0).force());
    assertTrue(h.requests.stream().noneMatch(r -> r instanceof BatchDeleteImageRequest), h.requests::toString);
  }

  @Test
  void teardown_duringADeployment_stopsItAndThePipeline_first() throws Exception {
    var h = parallel();
    assertTrue(h.apply().succeeded());
    untilProductionForwardsTo(h, "demo-tg-2");

    ProvisionResult result = h.teardown();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    assertEquals(List.of(), Inventory.of(h.clients));
    List<String> ops = h.operations();
    assertTrue(ops.contains("StopPipelineExecution"), ops.toString());
    assertTrue(ops.indexOf("StopDeployment") < ops.indexOf("DeleteDeploymentGroup"), ops.toString());
  }
}
