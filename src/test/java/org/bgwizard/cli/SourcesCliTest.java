package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.artifacts.SourceZip;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The three sources through the real entry point, on a sandbox file on manual time. */
class SourcesCliTest {
  @TempDir
  Path dir;
  private StringWriter out;
  private StringWriter err;

  private Path setup() {
    return dir.resolve("demo.json");
  }

  private Path state() {
    return dir.resolve("sandbox").resolve("account.json");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TestWorkspaces.manualBackend());
  }

  private int sandbox(String command, String... more) {
    var args = new ArrayList<>(List.of(command, setup().toString(), "--sandbox", "--sandbox-state",
        state().toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private int deploy(String... more) {
    var args = new ArrayList<>(List.of("deploy", "release", setup().toString(), "--sandbox", "--sandbox-state",
        state().toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private Path releaseFolder() throws Exception {
    Path release = dir.resolve("release");
    Files.createDirectories(release.resolve("html"));
    Files.writeString(release.resolve("buildspec.yml"), "version: 0.2\n");
    Files.writeString(release.resolve("html").resolve("index.html"), "<h1>green</h1>\n");
    return release;
  }

  private Sandbox account() throws Exception {
    return Sandbox.open(state(), "us-east-1", ManualClock::new, org.bgwizard.sandbox.core.Sleeper.NONE);
  }

  private List<String> triggers(Sandbox account) {
    return account.codePipeline().listPipelineExecutions(b -> b.pipelineName("demo-pipeline"))
        .pipelineExecutionSummaries().stream().map(s -> s.trigger().triggerTypeAsString()).toList();
  }

  @Test
  void codeCommit_onANewAccount_planWarnsWithRow28_andApplyIsRefusedBeforeCreatingAnythingElse() throws Exception {
    assertEquals(0, run("init", "demo", "--out", setup().toString()), err::toString);

    assertEquals(0, sandbox("plan", "--sandbox-new-account"), err::toString);
    assertTrue(err.toString().contains("Simulated: the account is a new AWS customer"), err.toString());
    assertTrue(out.toString().contains("Warning: This account has no CodeCommit repository"), out.toString());
    assertTrue(err.toString().contains("Catalogue row 28: AWS CodeCommit stopped onboarding new customers"),
        err.toString());
    assertTrue(err.toString().contains("Fix: Choose another source"), err.toString());

    assertEquals(1, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("OperationNotAllowedException"), err.toString());
    assertTrue(err.toString().toLowerCase(java.util.Locale.ROOT).contains("row 28"), err.toString());
    Sandbox account = account();
    assertTrue(account.iam().listRoles().roles().isEmpty(), "no role created");
    assertTrue(account.s3().listBuckets().buckets().isEmpty(), "no bucket created");
    assertTrue(account.codeCommit().listRepositories(b -> { }).repositories().isEmpty());
  }

  @Test
  void s3Source_applies_andAnUploadOfTheKey_startsARunThroughItsRule() throws Exception {
    assertEquals(0, run("init", "demo", "--source", "s3", "--s3-bucket", "demo-source-bucket", "--out",
        setup().toString()), err::toString);

    assertEquals(0, sandbox("apply", "--yes", "--sandbox-new-account"), err::toString);
    assertTrue(err.toString().contains("uploaded buildspec.yml"), err.toString());

    assertEquals(0, deploy("--from", releaseFolder().toString()), err::toString);
    assertTrue(out.toString().contains("uploaded 2 files as s3://demo-source-bucket/source.zip (version "),
        out.toString());
    assertTrue(out.toString().contains("pipeline demo-pipeline run "), out.toString());
    assertTrue(out.toString().contains("(started by the change)"), out.toString());
    Sandbox account = account();
    assertEquals(List.of("CloudWatchEvent", "CreatePipeline"), triggers(account), "the bucket's event, through the rule");
    assertEquals(2, account.s3().listObjectVersions(b -> b.bucket("demo-source-bucket")).versions().size());

    // an upload made by hand (aws s3 cp) starts a run the same way; another key of the bucket does not
    account.s3().putObject(r -> r.bucket("demo-source-bucket").key("notes.txt"), RequestBody.fromString("notes"));
    account.s3().putObject(r -> r.bucket("demo-source-bucket").key("source.zip"), RequestBody.fromBytes(
        SourceZip.of(SourceZip.read(releaseFolder()))));
    assertEquals(List.of("CloudWatchEvent", "CloudWatchEvent", "CreatePipeline"), triggers(account()));

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(account().s3().listBuckets().buckets().isEmpty(), "source and artifact buckets removed");
  }

  @Test
  void gitHubSource_pendingConnection_stopsWithTheConsoleLink_thenResumesAfterTheHandshake() throws Exception {
    assertEquals(0, run("init", "demo", "--source", "github", "--repository", "learner/demo", "--out",
        setup().toString()), err::toString);

    assertEquals(1, sandbox("apply", "--yes"), err::toString);
    assertTrue(err.toString().contains("ACTION REQUIRED: the connection demo-github"), err.toString());
    assertTrue(err.toString().contains("https://console.aws.amazon.com/codesuite/settings/connections?region="
        + "us-east-1"), err.toString());
    assertTrue(err.toString().contains("run apply again"), err.toString());
    assertTrue(account().codePipeline().listPipelines().pipelines().isEmpty(), "no pipeline before the handshake");

    assertEquals(0, sandbox("apply", "--yes", "--sandbox-complete-handshake"), err::toString);
    assertTrue(err.toString().contains("Simulated: completed the console handshake of arn:aws:codeconnections:"),
        err.toString());
    assertEquals(1, account().codeConnections().listConnections(b -> { }).connections().size(),
        "the pending connection was resumed, not made again");

    assertEquals(0, deploy("--from", releaseFolder().toString()), err::toString);
    assertTrue(out.toString().contains("Simulated: pushed 2 files to learner/demo main"), out.toString());
    assertTrue(out.toString().contains("pipeline demo-pipeline run "), out.toString());
    Sandbox account = account();
    assertEquals(List.of("StartPipelineExecution", "CreatePipeline"), triggers(account));
    String pipelineRolePolicy = account.iam().getRolePolicy(b -> b.roleName("demo-codepipeline")
        .policyName("bgwizard-connection")).policyDocument();
    assertTrue(java.net.URLDecoder.decode(pipelineRolePolicy, java.nio.charset.StandardCharsets.UTF_8)
        .contains("codeconnections:UseConnection"), pipelineRolePolicy);

    assertEquals(0, sandbox("teardown", "--yes"), err::toString);
    assertTrue(account().codeConnections().listConnections(b -> { }).connections().isEmpty(), "the connection it made");
  }

  @Test
  void codeCommitSource_releaseFromAFolder_commits_andItsRuleStartsOneRun() throws Exception {
    assertEquals(0, run("init", "demo", "--out", setup().toString()), err::toString);
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, deploy("--from", releaseFolder().toString()), () -> err + "\n" + out);
    assertTrue(out.toString().contains("committed 2 files to demo main"), out.toString());
    assertTrue(out.toString().contains("(started by the change)"), out.toString());
    assertEquals(List.of("CloudWatchEvent", "CreatePipeline"), triggers(account()), "one run: the rule's");
  }
}
