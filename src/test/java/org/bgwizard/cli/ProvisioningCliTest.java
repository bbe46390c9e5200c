package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** plan, apply, status and teardown against a sandbox file on manual time: waits cost no real time. */
class ProvisioningCliTest extends SandboxCliTest {

  @Test
  void plan_listsEveryStepWithItsCliCommand_namesTheSandbox_andCreatesNothing() {
    assertEquals(0, sandbox("plan"), err::toString);

    assertTrue(err.toString().startsWith("Sandbox (simulated account 123456789012, us-east-1)"), err.toString());
    assertTrue(out.toString().contains("create   iam-role/demo-codebuild"), out.toString());
    assertTrue(out.toString().contains("$ aws iam create-role --role-name demo-codebuild"), out.toString());
    assertTrue(out.toString().contains("(after ec2-security-group/demo-alb)"), out.toString());
    assertEquals(0, sandbox("status"), err::toString);
    assertTrue(out.toString().contains("NOT_CREATED"), out.toString());
    assertFalse(out.toString().contains("PRESENT"), out.toString());
  }

  @Test
  void apply_status_teardown_roundTrip() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok ecs-service/demo-service: done"), err.toString());
    assertTrue(err.toString().contains("Load balancer: http://demo-alb-"), err.toString());
    assertTrue(Files.exists(state.resolveSibling("journals").resolve("demo.journal.json")));

    assertEquals(0, sandbox("status", "--json"), err::toString);
    JsonNode status = new ObjectMapper().readTree(out.toString());
    assertEquals("demo", status.path("setup").asText());
    assertEquals(25, status.path("resources").size());
    for (JsonNode r : status.path("resources")) {
      assertEquals("PRESENT", r.path("state").asText(), r.toString());
      assertTrue(r.path("arn").asText().startsWith("arn:aws:") || r.path("arn").asText().startsWith("sg-"),
          r.toString());
      assertFalse(r.path("kind").asText().isEmpty());
      assertFalse(r.path("name").asText().isEmpty());
    }

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(err.toString().contains("- ecs-service/demo-service"), err.toString());
    assertTrue(err.toString().contains("Teardown: 25 of 25 steps done"), err.toString());
    assertEquals(0, sandbox("status"), err::toString);
    assertFalse(out.toString().contains("PRESENT"), out.toString());
  }

  @Test
  void apply_twice_secondRunFindsEverythingDone() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertTrue(err.toString().contains("ok ecs-service/demo-service: done in an earlier run"), err.toString());
    assertFalse(err.toString().contains(": started"), err.toString());
  }

  @Test
  void status_exitsOne_andSaysMissing_whenSomethingWasDeletedByHand() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Sandbox account = Sandbox.open(state, "us-east-1", ManualClock::new, org.bgwizard.sandbox.core.Sleeper.NONE);
    account.logs().deleteLogGroup(r -> r.logGroupName("/ecs/demo"));

    assertEquals(1, sandbox("status"));

    assertTrue(out.toString().contains("MISSING     logs-log-group//ecs/demo"), out.toString());
  }

  @Test
  void connectionOptionsOfTwoModes_areAUsageError() {
    assertEquals(2, sandbox("plan", "--profile", "dev"));
    assertTrue(err.toString().contains("--sandbox cannot be combined"), err.toString());
  }

  @Test
  void plan_refusal_exitsOne_andCreatesNothing() throws Exception {
    String json = Files.readString(setup).replace("\"memory\" : 512", "\"memory\" : 4096");
    Files.writeString(setup, json);

    assertEquals(1, sandbox("plan"));

    assertTrue(err.toString().contains("container.memory"), err.toString());
  }
}
