package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;

/**
 * `deploy … --env E`, `deploy approve|reject --env E` and `deploy promote --from A --to B` through the real entry
 * point, on a setup with environments whose environments are applied one by one (each environment's own setup, as
 * {@link Environments#expand} makes it) in a simulated account on manual time.
 */
class EnvironmentDeployCliTest extends SandboxCliTest {
  private final AtomicReference<Duration> advanceOnOpen = new AtomicReference<>(Duration.ZERO);

  private void init(String environments, String... more) {
    var args = new ArrayList<>(List.of("init", "demo", "--region", "us-east-1", "--environments", environments,
        "--out", setup.toString(), "--force"));
    args.addAll(List.of(more));
    assertEquals(0, run(args.toArray(String[]::new)), err::toString);
  }

  /** The environment's own setup written next to the setup file; its path. */
  private Path environmentFile(String env) throws Exception {
    Path file = dir.resolve("demo-" + env + ".json");
    Files.writeString(file, SpecJson.write(Environments.expand(SpecJson.load(setup), env).orElseThrow().spec()));
    return file;
  }

  private void apply(String env, String... more) throws Exception {
    assertEquals(0, applying(env, more), err::toString);
  }

  /** Applies the whole setup (every environment; {@code env} names the one the test is about). */
  private int applying(String env, String... more) throws Exception {
    var args = new ArrayList<>(List.of("apply", setup.toString(), "--sandbox", "--sandbox-state",
        state.toString(), "--yes"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** {@code deploy VERB FILE … more}, the simulated account's clock moved on by {@code advance} first. */
  private int deploy(Duration advance, String verb, String... more) {
    advanceOnOpen.set(advance);
    var args = new ArrayList<>(List.of("deploy", verb, setup.toString(), "--sandbox", "--sandbox-state",
        state.toString()));
    args.addAll(List.of(more));
    return run(sandbox -> ((ManualClock) sandbox.account().clock()).advance(advanceOnOpen.getAndSet(Duration.ZERO)),
        args.toArray(String[]::new));
  }

  private int deploy(String verb, String... more) {
    return deploy(Duration.ZERO, verb, more);
  }


  private Path releaseFolder(String text) throws Exception {
    Path release = dir.resolve("release-" + Math.abs(text.hashCode()));
    assertEquals(0, run("files", setup.toString(), "--out", release.toString()), err::toString);
    if (!Files.exists(release.resolve("Dockerfile"))) { // a source behind a connection gets no starter app
      Files.writeString(release.resolve("Dockerfile"), "FROM public.ecr.aws/nginx/nginx:stable\n"
          + "COPY html /usr/share/nginx/html\n");
    }
    Files.createDirectories(release.resolve("html"));
    // A page the unit-test stage passes (tests/page-test.sh): the starter page's markup around the text.
    Files.writeString(release.resolve("html").resolve("index.html"), "<!DOCTYPE html>\n<html><head><title>demo"
        + "</title></head><body><h1>" + text + "</h1><p class=\"version\">version 2</p></body></html>\n");
    return release;
  }

  @Test
  void withSeveralEnvironments_aDeployActionWithoutEnv_orWithAnUnknownOne_isAUsageErrorListingThem() {
    init("dev,qa,prod");

    assertEquals(2, deploy("status"));
    assertTrue(err.toString().contains("error: the setup demo has the environments dev, qa, prod; name one with"
        + " --env (for example --env dev)"), err.toString());
    assertEquals(2, deploy("approve", "--env", "stage", "--yes"));
    assertTrue(err.toString().contains("error: --env stage: the setup demo has no environment stage; its"
        + " environments are dev, qa, prod"), err.toString());
    assertEquals(2, deploy("promote", "--from", "dev", "--to", "prod"));
    assertTrue(err.toString().contains("error: --to prod: a change moves from dev to the environment right after it,"
        + " qa (order: dev, qa, prod)"), err.toString());
    assertEquals(2, deploy("promote", "--from", "prod", "--to", "dev"));
    assertTrue(err.toString().contains("error: --from prod is the last environment"), err.toString());
    assertEquals(2, deploy("promote", "--from", "dev"));
    assertTrue(err.toString().contains("error: promote needs --from and --to"), err.toString());
    assertEquals(2, deploy("reroute", "--env", "dev", "--reason", "why"));
    assertTrue(err.toString().contains("error: --reason goes with reject or approve"), err.toString());
    assertEquals(2, deploy("reject", "--env", "prod", "--reason", "x".repeat(513)));
    assertTrue(err.toString().contains("error: --reason is 513 characters; a pipeline approval's summary is at most"
        + " 512"), err.toString());
  }

  @Test
  void withoutEnvironments_envIsAUsageError_sayingTheSetupHasNone() {
    assertEquals(2, deploy("status", "--env", "dev"));
    assertTrue(err.toString().contains("error: --env dev: the setup demo has no environments; leave --env out"),
        err.toString());
    assertEquals(2, deploy("promote", "--from", "dev", "--to", "qa"));
    assertTrue(err.toString().contains("the setup demo has no environments"), err.toString());
  }

  @Test
  void aGatedEnvironment_rejectedWithAReason_thenApprovedOnTheNextRun() throws Exception {
    init("dev,prod");
    apply("prod");

    assertEquals(2, deploy(Duration.ofMinutes(30), "approve", "--yes"));
    assertTrue(err.toString().contains("dev, prod; name one with --env"), err.toString());
    assertEquals(0, deploy("status", "--env", "prod"), err::toString);
    assertTrue(err.toString().contains("Environment prod (2 of 2)"), err.toString());
    assertTrue(out.toString().contains("Deployment of AppECS-demo-cluster-demo-service / "
        + "DgpECS-demo-cluster-demo-service-prod"), out.toString());
    assertTrue(out.toString().contains("Pipeline demo-pipeline-prod"), out.toString());

    assertEquals(0, deploy("reject", "--env", "prod", "--reason", "QA found a broken page", "--yes"),
        err::toString);
    assertTrue(out.toString().contains("done: reject"), out.toString());
    var approval = account().codePipeline().getPipelineState(r -> r.name("demo-pipeline-prod")).stageStates()
        .stream().flatMap(s -> s.actionStates().stream()).filter(a -> a.latestExecution() != null
            && "QA found a broken page".equals(a.latestExecution().summary())).findFirst();
    assertTrue(approval.isPresent(), "the reason is the approval's summary");
    assertEquals("Failed", approval.get().latestExecution().statusAsString());

    assertEquals(1, deploy("reject", "--env", "prod", "--yes"));
    assertTrue(err.toString().contains("refused: No manual approval is waiting in the pipeline demo-pipeline-prod"),
        err.toString());

    assertEquals(0, deploy("release", "--env", "prod", "--yes"), err::toString);
    assertEquals(0, deploy(Duration.ofMinutes(30), "approve", "--env", "prod", "--yes"), err::toString);
    assertTrue(out.toString().contains("done: approve"), out.toString());
    // The approval is first in the Build stage: the image build runs after it, then Deploy.
    assertEquals(0, deploy(Duration.ofMinutes(15), "status", "--env", "prod"), err::toString);
    var stages = account().codePipeline().getPipelineState(r -> r.name("demo-pipeline-prod")).stageStates();
    assertTrue(stages.stream().anyMatch(s -> s.stageName().equals("Deploy") && s.latestExecution() != null),
        stages::toString);
  }

  @Test
  void promote_refusedUntilDevHasDeployed_thenNothingToPromote_thenRefusesDivergedBranches()
      throws Exception {
    init("dev,qa,prod");
    apply("dev");
    apply("qa");

    assertEquals(1, deploy("promote", "--from", "dev", "--to", "qa"));
    assertTrue(err.toString().matches("(?s).*refused: dev's latest pipeline run \\S+ of demo-pipeline-dev is"
        + " InProgress: only a change dev has deployed successfully is promoted.*"), err.toString());
    assertFalse(calls().contains("CreateBranch") || calls().contains("MergeBranchesByFastForward"), calls()::toString);

    // apply gave every environment its branch at the first commit, so dev's deployed commit is qa's already.
    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa", "--dry-run"),
        err::toString);
    assertTrue(out.toString().contains("qa's branch qa already holds dev's commit"), out.toString());
    assertFalse(calls().contains("CreateBranch") || calls().contains("MergeBranchesByFastForward"), calls()::toString);
    String devHead = account().codeCommit().getBranch(r -> r.repositoryName("demo").branchName("main")).branch()
        .commitId();
    assertEquals(devHead, account().codeCommit().getBranch(r -> r.repositoryName("demo").branchName("qa")).branch()
        .commitId());

    assertEquals(0, deploy("release", "--env", "qa", "--from", releaseFolder("hotfix on qa").toString()),
        err::toString);
    assertTrue(out.toString().contains("committed"), out.toString());
    assertEquals(1, deploy("promote", "--from", "dev", "--to", "qa"));
    assertTrue(err.toString().contains("refused: qa's branch qa has commits dev's branch main lacks (the branches"
        + " have diverged), so it cannot be fast-forwarded. Merge by hand in a clone of demo: git fetch && git"
        + " checkout qa && git merge origin/main && git push"), err.toString());
    assertFalse(calls().contains("MergeBranchesByFastForward"), calls()::toString);
  }

  @Test
  void promote_afterDevsReleaseFailedToDeploy_isRefusedWithTheReason() throws Exception {
    init("dev,qa");
    apply("dev");
    assertEquals(0, deploy(Duration.ofHours(2), "practice", "--env", "dev", "--behaviour", "CRASHES"),
        err::toString);
    assertTrue(err.toString().contains("Environment dev (1 of 2)"), err.toString());

    assertEquals(1, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa"));

    assertTrue(err.toString().matches("(?s).*refused: dev's latest pipeline run \\S+ of demo-pipeline-dev is Failed"
        + " \\(failed at Deploy/.*\\): only a change dev has deployed successfully is promoted.*"), err.toString());
    assertFalse(calls().contains("CreateBranch") || calls().contains("MergeBranchesByFastForward"), calls()::toString);
  }

  @Test
  void promote_ofAGitHubSource_saysHowToMergeThere_andChangesNothing() throws Exception {
    init("dev,qa", "--source", "github", "--repository", "learner/demo");
    assertEquals(1, applying("dev"), err::toString);
    apply("dev", "--sandbox-complete-handshake");
    assertEquals(0, deploy("release", "--env", "dev", "--from", releaseFolder("dev's page").toString()),
        err::toString);
    assertTrue(out.toString().contains("Simulated: pushed"), out.toString());

    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa"), err::toString);

    assertTrue(out.toString().contains("dev's change reaches qa by a merge in GitHub: open a pull request from the"
        + " branch main into qa of learner/demo and merge it (or in a clone: git fetch && git checkout qa && git"
        + " merge origin/main && git push)."), out.toString());
    assertTrue(out.toString().contains("The connection then starts qa's pipeline demo-pipeline-qa. Nothing was"
        + " changed."), out.toString());
    assertTrue(calls().stream().allMatch(c -> c.startsWith("Get") || c.startsWith("List")
        || c.startsWith("Describe") || c.startsWith("BatchGet")), calls()::toString);
  }

  @Test
  void promote_again_afterANewCommitReachedDev_fastForwardsQasBranch_andQasRuleStartsItsPipeline() throws Exception {
    init("dev,qa");
    apply("dev");
    apply("qa");
    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa"), err::toString);
    String before = head("qa");
    assertEquals(0, deploy("release", "--env", "dev", "--from", releaseFolder("dev's second page").toString()),
        err::toString);

    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa"), err::toString);

    assertEquals(head("main"), head("qa"));
    assertTrue(out.toString().contains("promoted dev to qa: qa's branch qa is now at " + head("main")
        + " (fast-forward from " + before.substring(0, 8) + ")"), out.toString());
    assertTrue(out.toString().matches("(?s).*pipeline demo-pipeline-qa run \\S+ \\(started by the change\\).*"),
        out.toString());
    assertTrue(calls().contains("MergeBranchesByFastForward"), calls()::toString);
  }

  @Test
  void promote_ofAnS3Source_copiesDevsObjectToQasKey_whichStartsQasPipeline() throws Exception {
    init("dev,qa", "--source", "s3");
    apply("dev");
    apply("qa");
    var source = SpecJson.load(setup).source();

    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa"), err::toString);

    String bucket = "s3://" + source.s3Bucket() + "/";
    assertTrue(out.toString().contains("promoted dev to qa: copied " + bucket + "dev/" + source.s3ObjectKey() + " to "
        + bucket + "qa/" + source.s3ObjectKey()), out.toString());
    assertTrue(out.toString().matches("(?s).*pipeline demo-pipeline-qa run \\S+ \\(started by the change\\).*"),
        out.toString());
    assertTrue(calls().contains("CopyObject"), calls()::toString);
  }

  @Test
  void promote_toAnEnvironmentWhoseBranchIsGone_createsItAtDevsCommit_whichStartsQasPipeline() throws Exception {
    init("dev,qa");
    apply("dev");
    apply("qa");
    assertEquals(0, deploy("release", "--env", "dev", "--from", releaseFolder("dev's page").toString()),
        err::toString);
    // someone deleted qa's branch (CodeCommit DeleteBranch)
    run(sandbox -> sandbox.codeCommit().deleteBranch(r -> r.repositoryName("demo").branchName("qa")),
        "status", setup.toString(), "--env", "qa", "--sandbox", "--sandbox-state", state.toString());
    assertFalse(account().codeCommit().listBranches(r -> r.repositoryName("demo")).branches().contains("qa"), () -> out + "\n" + err);

    assertEquals(0, deploy(Duration.ofHours(2), "promote", "--from", "dev", "--to", "qa", "--dry-run"),
        err::toString);
    assertTrue(out.toString().contains("Would create qa's branch qa at dev's commit " + head("main").substring(0, 8)
        + " in the CodeCommit repository demo (CreateBranch), which starts the pipeline demo-pipeline-qa."),
        out.toString());
    assertFalse(calls().contains("CreateBranch"), calls()::toString);

    assertEquals(0, deploy("promote", "--from", "dev", "--to", "qa"), err::toString);

    assertEquals(head("main"), head("qa"));
    assertTrue(out.toString().contains("promoted dev to qa: qa's branch qa is now at " + head("main")
        + " (new branch)"), out.toString());
    assertTrue(out.toString().matches("(?s).*pipeline demo-pipeline-qa run \\S+ \\(started by the change\\).*"),
        out.toString());
    assertTrue(calls().contains("CreateBranch"), calls()::toString);
  }

  private String head(String branch) throws Exception {
    return account().codeCommit().getBranch(r -> r.repositoryName("demo").branchName(branch)).branch().commitId();
  }

  @Test
  void help_describesPromoteEnvAndReason() {
    assertEquals(0, run("deploy", "--help"));
    String help = out.toString();
    assertTrue(help.contains("--env=ENV"), help);
    assertTrue(help.contains("--to=ENV"), help);
    assertTrue(help.contains("--reason=TEXT"), help);
    assertTrue(help.contains("--dry-run"), help);
    assertTrue(help.contains("promote --from A --to B moves what A has deployed to B"), help);
  }
}
