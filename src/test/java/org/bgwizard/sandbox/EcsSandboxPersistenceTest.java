package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ELB, ECS, ECR and Logs state survives a save and a reopen, and the simulation resumes where it stopped. */
class EcsSandboxPersistenceTest {
  @TempDir
  Path dir;

  private EcsFixture open(Path store, ManualClock[] clock) throws Exception {
    Sandbox sandbox = Sandbox.open(store, "us-east-1", (Instant at) -> {
      clock[0] = new ManualClock(at);
      return clock[0];
    }, Sleeper.NONE);
    return new EcsFixture(sandbox, clock[0]);
  }

  @Test
  void resources_surviveReopen_andTasksKeepStarting() throws Exception {
    Path store = dir.resolve("account.json");
    ManualClock[] clock = new ManualClock[1];
    EcsFixture first = open(store, clock);
    first.sandbox.ecr().createRepository(r -> r.repositoryName("demo").imageTagMutability("IMMUTABLE"));
    first.sandbox.ports.registry.push("demo", List.of("v1"), "X86_64", Ports.ImageBehaviour.HEALTHY);
    first.sandbox.ecr().putLifecyclePolicy(r -> r.repositoryName("demo").lifecyclePolicyText("""
        {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan",
          "countNumber": 10}, "action": {"type": "expire"}}]}"""));
    var bg = first.blueGreen("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:v1");
    first.createService(bg);
    first.advance(60);
    first.sandbox.account().save();
    String saved = first.sandbox.account().snapshotJson();

    EcsFixture second = open(store, clock);

    assertEquals(saved, second.sandbox.account().snapshotJson());
    assertEquals("RUNNING", second.tasks("RUNNING").get(0).lastStatus());
    assertEquals("provisioning", second.sandbox.elbv2().describeLoadBalancers(r -> r.loadBalancerArns(bg.loadBalancer()))
        .loadBalancers().get(0).state().codeAsString());
    assertEquals(1, second.sandbox.ecr().describeImages(r -> r.repositoryName("demo")).imageDetails().size());
    assertEquals("ecs/web/", second.sandbox.logs().describeLogStreams(r -> r.logGroupName(EcsFixture.LOG_GROUP))
        .logStreams().get(0).logStreamName().substring(0, 8));

    second.advance(120);
    assertEquals("healthy", second.sandbox.elbv2().describeTargetHealth(r -> r.targetGroupArn(bg.targetGroup1()))
        .targetHealthDescriptions().get(0).targetHealth().stateAsString());
    assertEquals("(service demo-service) has reached a steady state.", second.events().get(0));
  }
}
