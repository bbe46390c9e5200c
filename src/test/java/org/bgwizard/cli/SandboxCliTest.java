package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.CallRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup {@code demo} written by {@code init} into a temporary folder, and the CLI run against a sandbox file on
 * manual time, with what it printed on stdout and stderr.
 */
abstract class SandboxCliTest {
  @TempDir
  Path dir;
  Path setup;
  Path state;
  StringWriter out;
  StringWriter err;
  /** The simulated account the last command opened. */
  final AtomicReference<Sandbox> opened = new AtomicReference<>();

  @BeforeEach
  void initSetup() {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--out", setup.toString()));
  }

  int run(String... args) {
    return run(sandbox -> { }, args);
  }

  /** {@code args} run with {@code faults} set on each simulated account the command opens. */
  int run(Consumer<Sandbox> faults, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        TestWorkspaces.manualBackend(sandbox -> {
          opened.set(sandbox);
          faults.accept(sandbox);
        }));
  }

  /** {@code command} on the setup, in the simulated account kept in {@code state}. */
  int sandbox(String command, String... more) {
    return sandbox(sandbox -> { }, command, more);
  }

  /** The same, with {@code faults} set on the simulated account. */
  int sandbox(Consumer<Sandbox> faults, String command, String... more) {
    var args = new ArrayList<>(List.of(command, setup.toString(), "--sandbox", "--sandbox-state", state.toString()));
    args.addAll(List.of(more));
    return run(faults, args.toArray(String[]::new));
  }

  /** The AWS operations the last command made, in order. */
  List<String> calls() {
    return opened.get().account().calls().stream().map(CallRecord::operation).toList();
  }
}
