package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.Service;
import org.junit.jupiter.api.Test;

/**
 * One lookup AWS refuses (a caller without CodeCommit rights) through plan, apply and status: the resource says
 * why it could not be looked at, and everything else is planned, created and reported as usual.
 */
class LookupDeniedCliTest extends SandboxCliTest {
  private static final Consumer<Sandbox> DENY_GET_REPOSITORY =
      sandbox -> sandbox.faults().deny(Service.CODECOMMIT, "GetRepository");

  private long calls(Service service) {
    return opened.get().account().calls().stream().filter(c -> c.service() == service).count();
  }

  @Test
  void plan_withDeniedLookup_showsWhyForThatResource_andStillPlansEveryOtherStep() {
    assertEquals(1, sandbox(DENY_GET_REPOSITORY, "plan"), err::toString);

    String plan = out.toString();
    assertTrue(plan.contains("unknown  codecommit-repository/demo  (could not look: AccessDeniedException on"
        + " codecommit:GetRepository)"), plan);
    assertTrue(plan.contains("User: arn:aws:iam::123456789012:user/sandbox-learner is not authorized to perform:"
        + " codecommit:GetRepository"), plan);
    assertTrue(plan.contains("25 steps (24 create, 1 unknown)"), plan);
    assertTrue(plan.contains("create   iam-role/demo-codebuild"), plan);
    assertTrue(plan.contains("create   codepipeline-pipeline/demo-pipeline"), plan);
    assertTrue(err.toString().contains("could not look at 1 resource"), err.toString());
  }

  @Test
  void apply_withDeniedLookup_createsEverythingElse_failsOnlyThatStep_andResumesOnceAllowed() {
    assertEquals(1, sandbox(DENY_GET_REPOSITORY, "apply", "--yes"));

    String log = err.toString();
    assertTrue(log.contains("codecommit-repository/demo"), log);
    assertTrue(log.contains("AccessDeniedException"), log);
    assertTrue(log.contains("Not started because of the failure: [codepipeline-pipeline/demo-pipeline, events-rule/demo-source-change]"), log);
    assertTrue(log.contains("ok ecs-service/demo-service: done"), log);
    assertTrue(log.contains("ok codebuild-project/demo-build: done"), log);
    assertTrue(log.contains("Apply: 22 of 25 steps done, 1 failed"), log);
    assertTrue(log.contains("Creating codecommit-repository/demo failed:\n  AccessDeniedException: User:"), log);

    assertEquals(0, sandbox(s -> { }, "apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ok codecommit-repository/demo: done"), err.toString());
    assertTrue(err.toString().contains("ok ecs-service/demo-service: done in an earlier run"), err.toString());
  }

  @Test
  void status_withDeniedLookup_saysWhyPerResource_exitsOne_andJsonCarriesTheLookupError() throws Exception {
    assertEquals(1, sandbox(DENY_GET_REPOSITORY, "status"));
    assertTrue(out.toString().contains("UNKNOWN     codecommit-repository/demo"), out.toString());
    assertTrue(out.toString().contains("could not look: AccessDeniedException on codecommit:GetRepository"),
        out.toString());
    assertTrue(out.toString().contains("NOT_CREATED iam-role/demo-codebuild"), out.toString());

    assertEquals(1, sandbox(DENY_GET_REPOSITORY, "status", "--json"));
    JsonNode status = new ObjectMapper().readTree(out.toString());
    assertEquals(25, status.path("resources").size());
    JsonNode repo = null;
    for (JsonNode r : status.path("resources")) {
      if (r.path("kind").asText().equals("codecommit-repository")) {
        repo = r;
      } else {
        assertTrue(r.path("lookup").isMissingNode() || r.path("lookup").isNull(), r.toString());
      }
    }
    assertEquals("UNKNOWN", repo.path("state").asText(), repo.toString());
    assertEquals("AccessDeniedException", repo.path("lookup").path("error").asText(), repo.toString());
    assertEquals("codecommit:GetRepository", repo.path("lookup").path("action").asText(), repo.toString());
    assertTrue(repo.path("lookup").path("message").asText().contains("is not authorized to perform"), repo.toString());
  }

  @Test
  void plan_withDeniedNetworkLookup_isRefusedWithTheReason_notACrash() {
    assertEquals(1, sandbox(sandbox -> sandbox.faults().deny(Service.EC2, "DescribeVpcs"), "plan"));

    assertTrue(err.toString().contains("The network: could not look: UnauthorizedOperation on ec2:DescribeVpcs"),
        err.toString());
  }

  @Test
  void statusOrphans_forSetupWithoutCodeCommit_asksCodeCommitNothing() throws Exception {
    var mapper = new ObjectMapper();
    var spec = (ObjectNode) mapper.readTree(Files.readString(setup));
    ((ObjectNode) spec.path("source")).put("provider", "S3").put("s3Bucket", "demo-source-bucket")
        .put("s3ObjectKey", "source.zip").put("commitStarterApp", false);
    Files.writeString(setup, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(spec));

    assertEquals(0, sandbox(s -> { }, "status", "--orphans"), err::toString);

    assertTrue(out.toString().contains("No orphans"), out.toString());
    assertEquals(0, calls(Service.CODECOMMIT), opened.get().account().calls().toString());
    assertEquals(0, calls(Service.SECRETSMANAGER));
    assertTrue(calls(Service.ECS) > 0, "the services the setup uses are still searched");
  }

  @Test
  void statusOrphans_forCodeCommitSetup_searchesCodeCommit() {
    assertEquals(0, sandbox(s -> { }, "status", "--orphans"), err::toString);

    assertTrue(calls(Service.CODECOMMIT) > 0);
  }
}
