package org.bgwizard.sandbox.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

/** A deployment paused at its hook is saved with the account, and another process can approve it. */
class EcsNativePersistenceTest {
  @TempDir
  Path dir;

  private EcsFixture open(Path store, ManualClock[] clock) throws java.io.IOException {
    Sandbox sandbox = Sandbox.open(store, "us-east-1", (Instant at) -> {
      clock[0] = new ManualClock(at);
      return clock[0];
    }, Sleeper.NONE);
    return new EcsFixture(sandbox, clock[0]);
  }

  private static ServiceDeployment latest(EcsFixture f) {
    String arn = f.sandbox.ecs().listServiceDeployments(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE))
        .serviceDeployments().get(0).serviceDeploymentArn();
    return f.sandbox.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
  }

  @Test
  void pausedDeployment_survivesReopen_andIsApprovedFromTheReopenedAccount() throws Exception {
    Path store = dir.resolve("account.json");
    ManualClock[] clock = new ManualClock[1];
    NativeFixture first = new NativeFixture(open(store, clock));
    first.create(c -> c.bakeTimeInMinutes(0).lifecycleHooks(DeploymentLifecycleHook.builder().targetType("PAUSE")
        .lifecycleStagesWithStrings("PRE_PRODUCTION_TRAFFIC_SHIFT").build()));
    first.f.advance(240);
    String td = first.f.taskDefinition(EcsFixture.NGINX);
    first.f.sandbox.ecs().updateService(r -> r.cluster(EcsFixture.CLUSTER).service(EcsFixture.SERVICE)
        .taskDefinition(td));
    first.f.advance(600);
    ServiceDeployment paused = latest(first.f);
    assertEquals("PRE_PRODUCTION_TRAFFIC_SHIFT", paused.lifecycleStageAsString());
    first.f.sandbox.account().save();
    String saved = first.f.sandbox.account().snapshotJson();

    EcsFixture second = open(store, clock);
    NativeFixture.wireIam(second);

    assertEquals(saved, second.sandbox.account().snapshotJson());
    assertEquals(paused, latest(second));
    second.sandbox.ecs().continueServiceDeployment(r -> r.serviceDeploymentArn(paused.serviceDeploymentArn())
        .hookId(paused.lifecycleHookDetails().get(0).hookId()));
    assertEquals("SUCCESSFUL", latest(second).statusAsString());
  }
}
