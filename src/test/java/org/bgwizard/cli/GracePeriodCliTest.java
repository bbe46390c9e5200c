package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * ecs.healthCheckGracePeriodSeconds through the CLI's entry point against a sandbox file on manual time: sent with
 * CreateService, changed in place on the CODE_DEPLOY service with UpdateService (no CodeDeploy deployment, nothing
 * replaced), resumed after a failed update, and refused with its label when out of range.
 */
class GracePeriodCliTest extends SandboxCliTest {
  private void gracePeriod(String seconds) throws Exception {
    String before = Files.readString(setup);
    String after = before.replace("\"desiredCount\" : 1,", "\"desiredCount\" : 1,\n    \"healthCheckGracePeriodSeconds\" : "
        + seconds + ",");
    assertNotEquals(before, after);
    Files.writeString(setup, after);
  }

  private int serviceGracePeriod() throws Exception {
    return Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE).ecs().describeServices(r -> r
        .cluster("demo-cluster").services("demo-service")).services().get(0).healthCheckGracePeriodSeconds();
  }

  @Test
  void newSetupWithAGracePeriod_createsTheServiceWithIt_andTheCommandSaysSo() throws Exception {
    gracePeriod("90");

    assertEquals(0, sandbox("plan"), err::toString);
    contains(out.toString(), "--health-check-grace-period-seconds 90 --propagate-tags SERVICE");
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(90, serviceGracePeriod());
  }

  @Test
  void changedGracePeriod_isUpdatedInPlace_withUpdateServiceOnly_andASecondApplyWritesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(0, serviceGracePeriod(), "AWS's default when the setup gives none");
    gracePeriod("120");

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "  update   ecs-service/demo-service");
    contains(plan, "~ health check grace period (s): 0 → 120");
    contains(plan, "$ aws ecs update-service --cluster demo-cluster --service demo-service"
        + " --health-check-grace-period-seconds 120");
    assertFalse(plan.contains("replace"), plan);
    assertEquals(0, sandbox("plan", "--json"), err::toString);
    JsonNode step = StreamSupport.stream(new ObjectMapper().readTree(out.toString()).path("steps").spliterator(),
        false).filter(n -> n.path("kind").asText().equals("ecs-service")).findFirst().orElseThrow();
    assertEquals("update", step.path("action").asText(), step.toString());
    assertEquals("120", step.path("changes").path(0).path("to").asText(), step.toString());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("UpdateService"), writes());
    contains(err.toString(), "ok ecs-service/demo-service: updated: health check grace period (s): 0 → 120");
    assertEquals(120, serviceGracePeriod());
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(List.of(), writes());
  }

  @Test
  void gracePeriodUpdate_thatFailedOnce_isMadeByTheNextApply_once() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    gracePeriod("45");

    assertEquals(1, sandbox(s -> s.faults().failNth(Service.ECS, "UpdateService", 1,
        () -> SdkClientException.create("connection reset: the process died")), "apply", "--yes"), out::toString);
    assertEquals(0, serviceGracePeriod());

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(List.of("UpdateService"), writes());
    assertEquals(45, serviceGracePeriod());
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(List.of(), writes());
  }

  @Test
  void negativeGracePeriod_isRefusedNamingItsLabelAndTheRange_andNothingIsCreated() throws Exception {
    gracePeriod("-1");

    assertEquals(1, sandbox("plan"));

    contains(err.toString(), "Health check grace period (seconds) (ecs.healthCheckGracePeriodSeconds): -1 is not a"
        + " grace period; use 0 to 2147483647 seconds");
    assertEquals(List.of(), writes());
  }
}
