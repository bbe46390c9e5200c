package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.core.ManualClock;
import org.junit.jupiter.api.Test;

/** A release whose build fails: `deploy status` names the failed action and what the catalogue says of its log. */
class PracticeFailureCliTest extends SandboxCliTest {
  private final AtomicReference<Duration> advanceOnOpen = new AtomicReference<>(Duration.ZERO);

  private int sandboxAdvancing(String command, String... more) {
    out = new StringWriter();
    err = new StringWriter();
    var args = new java.util.ArrayList<>(java.util.List.of(command));
    args.addAll(java.util.List.of(more));
    args.addAll(java.util.List.of(setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    return Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
        TestWorkspaces.manualBackend(sandbox -> ((ManualClock) sandbox.account().clock())
            .advance(advanceOnOpen.getAndSet(Duration.ZERO))));
  }

  @Test
  void deployStatus_afterAReleaseWithoutADockerfile_showsTheFailedBuild_andCatalogueRow46() throws Exception {
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--source", "s3", "--out", setup.toString(),
        "--force"), err::toString);
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Path release = dir.resolve("release");
    assertEquals(0, run("files", setup.toString(), "--out", release.toString()), err::toString);
    Files.deleteIfExists(release.resolve("Dockerfile"));
    assertTrue(Files.exists(release.resolve("buildspec.yml")));

    assertEquals(0, sandboxAdvancing("deploy", "release", "--from", release.toString()), err::toString);
    advanceOnOpen.set(Duration.ofMinutes(10));
    int code = sandboxAdvancing("deploy", "status");

    assertEquals(0, code, err::toString);
    String text = out.toString();
    assertTrue(text.contains("Failed: Build/"), text);
    assertTrue(text.contains("catalogue row 46: docker build found no Dockerfile"), text);
    assertTrue(text.contains("fix: Commit a Dockerfile at the source root"), text);
  }
}
