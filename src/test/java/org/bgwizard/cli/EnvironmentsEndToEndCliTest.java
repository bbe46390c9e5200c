package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.sns.SnsState;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's story end to end through the real entry point, in one simulated account on manual time: a setup with
 * dev, qa and prod is applied; a commit reaches dev; it is promoted to qa, then to prod, where the approval waits and
 * its request reaches the simulated inbox; a rejection, an approval, and prod serves the commit; then dev is torn down
 * while qa and prod keep running.
 */
class EnvironmentsEndToEndCliTest extends SandboxCliTest {
  /** {@code verb} (one or two words) on the setup in the simulated account, its clock moved on by {@code advance}. */
  private int sandboxAfter(Duration advance, Consumer<Sandbox> also, String verb, String... more) {
    var args = new ArrayList<>(List.of(verb.split(" ")));
    args.addAll(List.of(setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return run(sandbox -> {
      ((ManualClock) sandbox.account().clock()).advance(advance);
      also.accept(sandbox);
    }, args.toArray(String[]::new));
  }

  private int after(Duration advance, String verb, String... more) {
    return sandboxAfter(advance, sandbox -> { }, verb, more);
  }

  /** The starter app with a page the unit-test stage passes, saying {@code text}. */
  private Path release(String text) throws Exception {
    Path folder = dir.resolve("release-" + Math.abs(text.hashCode()));
    assertEquals(0, run("files", setup.toString(), "--out", folder.toString()), err::toString);
    Files.writeString(folder.resolve("html").resolve("index.html"), "<!DOCTYPE html>\n<html><head><title>demo"
        + "</title></head><body><h1>" + text + "</h1><p class=\"version\">version 2</p></body></html>\n");
    return folder;
  }

  private List<SnsState.Mail> approvalRequests() throws Exception {
    return account().inbox().stream().filter(m -> m.subject.startsWith("APPROVAL NEEDED")).toList();
  }

  private static String group(String text, String regex) {
    var m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), () -> "expected /" + regex + "/ in:\n" + text);
    return m.group(1);
  }

  @Test
  void commitThroughDev_promotedToQa_thenProd_behindItsApproval_thenDevTornDownWhileQaAndProdRun() throws Exception {
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--environments", "dev,qa,prod", "--out",
        setup.toString(), "--force"), err::toString);
    edit(s -> s.replace("\"name\" : \"demo-approvals\"", "\"name\" : \"demo-approvals\", \"email\" :"
        + " \"lead@example.com\""));

    // apply: every environment, the shared resources once; the address is asked to confirm its subscription
    assertEquals(0, after(Duration.ZERO, "apply", "--yes"), err::toString);
    contains(err.toString(), "Apply: 52 of 52 steps done");
    contains(err.toString(), "pending confirmation — AWS sends a confirmation mail first to lead@example.com");
    assertEquals("AWS Notification - Subscription Confirmation", account().inbox().get(0).subject);
    assertEquals(0, sandboxAfter(Duration.ZERO, Sandbox::confirmEmailSubscriptions, "status", "--env", "prod"),
        out::toString);

    // a commit reaches dev: its pipeline tests, builds and deploys it
    assertEquals(0, after(Duration.ofHours(1), "deploy release", "--env", "dev", "--from",
        release("Release one").toString()), err::toString);
    String commit = group(out.toString(), "committed \\d+ files to demo main \\((\\w{40})\\)");
    contains(out.toString(), "pipeline demo-pipeline-dev run ");
    assertEquals(0, after(Duration.ofMinutes(30), "deploy status", "--env", "dev"), err::toString);
    contains(out.toString(), "Pipeline demo-pipeline-dev: Source Succeeded  Test Succeeded  Build Succeeded  Deploy"
        + " Succeeded");
    contains(out.toString(), "  Succeeded  " + commit.substring(0, 8) + " Release of ");
    contains(out.toString(), "dkr.ecr.us-east-1.amazonaws.com/demo-dev:" + commit.substring(0, 7));

    // promoted to qa: qa's branch fast-forwards and qa's pipeline deploys the same commit
    assertEquals(0, after(Duration.ZERO, "deploy promote", "--from", "dev", "--to", "qa"), err::toString);
    contains(out.toString(), "promoted dev to qa: qa's branch qa is now at " + commit);
    assertEquals(0, after(Duration.ofMinutes(30), "deploy status", "--env", "qa"), err::toString);
    contains(out.toString(), "Deploy Succeeded");
    contains(out.toString(), "dkr.ecr.us-east-1.amazonaws.com/demo-qa:" + commit.substring(0, 7));

    // promoted to prod: the approval first in its Build stage waits; prod's first run (the starter commit) holds it
    assertEquals(0, after(Duration.ZERO, "deploy promote", "--from", "qa", "--to", "prod"), err::toString);
    contains(out.toString(), "promoted qa to prod: prod's branch prod is now at " + commit);
    assertEquals(0, after(Duration.ofMinutes(30), "deploy status", "--env", "prod"), err::toString);
    contains(out.toString(), "Build InProgress  Deploy -");
    String starter = group(out.toString(), "Approval waiting: Build/Approve for run \\w+ \\((\\w{8}) First commit");
    contains(out.toString(), "    newer run ");
    contains(out.toString(), " (" + commit.substring(0, 8) + " Release of release-");
    contains(out.toString(), "waits behind it: approving deploys the older commit first; rejecting lets the newer one"
        + " on");
    contains(out.toString(), "-> demo-tg-1-prod 100%  demo-task-prod:1  public.ecr.aws/nginx/nginx:stable");
    var requests = approvalRequests();
    assertEquals(1, requests.size(), requests::toString);
    assertEquals("lead@example.com", requests.get(0).recipient);
    contains(requests.get(0).body, "Pipeline name: demo-pipeline-prod\nStage name: Build\nAction name: Approve");
    contains(requests.get(0).body, "Additional information: Build and deploy commit " + starter);

    // a rejection: the starter commit's run fails with the reason; the newer run enters Build and waits in turn
    assertEquals(0, after(Duration.ZERO, "deploy reject", "--env", "prod", "--reason",
        "the starter page is not for production", "--yes"), err::toString);
    contains(out.toString(), "done: reject");
    assertEquals(0, after(Duration.ofMinutes(5), "deploy status", "--env", "prod"), err::toString);
    contains(out.toString(), "Approval waiting: Build/Approve for run ");
    contains(out.toString(), " (" + commit.substring(0, 8) + " Release of ");
    contains(out.toString(), "  Failed  " + starter + " First commit");
    requests = approvalRequests();
    assertEquals(2, requests.size(), requests::toString);
    String qaTest = group(requests.get(1).body, "try it there first, on (http://demo-alb-qa-\\d+\\.us-east-1\\.elb"
        + "\\.amazonaws\\.com:8080/)\\.");
    contains(requests.get(1).body, "Additional information: Build and deploy commit " + commit + " to prod? It passed"
        + " qa: try it there first, on " + qaTest + ".");
    contains(requests.get(1).body, "Content to review: " + qaTest);

    // approved: prod builds and deploys the commit qa has
    assertEquals(0, after(Duration.ZERO, "deploy approve", "--env", "prod", "--yes"), err::toString);
    contains(out.toString(), "done: approve");
    assertEquals(0, after(Duration.ofMinutes(30), "deploy status", "--env", "prod"), err::toString);
    contains(out.toString(), "Deploy Succeeded");
    contains(out.toString(), "dkr.ecr.us-east-1.amazonaws.com/demo-prod:" + commit.substring(0, 7));
    assertTrue(!out.toString().contains("Approval waiting"), out::toString);

    // dev torn down; what qa and prod share stays, and they keep serving the commit
    assertEquals(0, after(Duration.ZERO, "teardown", "--env", "dev", "--yes"), err::toString);
    contains(err.toString(), "- ecs-service/demo-service-dev");
    contains(err.toString(), "= codecommit-repository/demo (qa, prod still use it: kept)");
    assertEquals(0, after(Duration.ofMinutes(5), "status", "--env", "qa"), out::toString);
    contains(out.toString(), "dkr.ecr.us-east-1.amazonaws.com/demo-qa:" + commit.substring(0, 7));
    assertEquals(0, after(Duration.ZERO, "status", "--env", "prod"), out::toString);
    contains(out.toString(), "dkr.ecr.us-east-1.amazonaws.com/demo-prod:" + commit.substring(0, 7));
    assertEquals(2, account().ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service-qa",
        "demo-service-prod")).services().stream().filter(s -> s.status().equals("ACTIVE")
            && s.runningCount() == 1).count());

    // dev's deployment is gone: its status says so and what to do, and fails
    assertEquals(1, after(Duration.ZERO, "deploy status", "--env", "dev"));
    contains(err.toString(), "error: the deployment could not be read: CodeDeploy: DeploymentGroupDoesNotExistException");
    contains(err.toString(), "Is it created? `status " + setup + "` lists what the setup has in the account, and `apply "
        + setup + "` creates what is missing (a torn-down environment too).");
  }
}
