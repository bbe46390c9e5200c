package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.CallRecord;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup {@code demo} written by {@code init} into a temporary folder, and the CLI run against a sandbox file on
 * manual time, with what it printed on stdout and stderr.
 */
abstract class SandboxCliTest {
  /** The operations that write, by the prefix of their name. */
  static final List<String> WRITES = List.of("Create", "Put", "Update", "Register", "Authorize", "Modify",
      "Delete", "Deregister", "Tag", "Untag", "Attach", "Detach", "Remove", "Start", "Stop", "Revoke", "Add");

  @TempDir
  Path dir;
  Path setup;
  Path state;
  /** The journal apply keeps for the setup beside the account file. */
  Path journal;
  StringWriter out;
  StringWriter err;
  /** The simulated account the last command opened. */
  final AtomicReference<Sandbox> opened = new AtomicReference<>();

  @BeforeEach
  void initSetup() {
    setup = dir.resolve("demo.json");
    state = dir.resolve("sandbox").resolve("account.json");
    journal = state.resolveSibling("journals").resolve("demo.journal.json");
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

  /** The writes among the calls the last command made, in order; none when it opened no account. */
  List<String> writes() {
    return opened.get() == null ? List.of() : calls().stream().filter(o -> WRITES.stream().anyMatch(o::startsWith))
        .toList();
  }

  /** The account file as another program would open it. */
  Sandbox account() throws Exception {
    return Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
  }

  /** The setup file edited by {@code change}, which must change it. */
  void edit(UnaryOperator<String> change) throws Exception {
    String before = Files.readString(setup);
    String after = change.apply(before);
    assertNotEquals(before, after, "the edit changed the setup file");
    Files.writeString(setup, after);
  }

  static void contains(String text, String expected) {
    assertTrue(text.contains(expected), () -> "expected «" + expected + "» in:\n" + text);
  }
}
