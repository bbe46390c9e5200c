package org.bgwizard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.ConnectionProblem;
import org.bgwizard.catalogue.Catalogue;
import org.bgwizard.provision.ProvisionError;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What plan, apply, status and teardown share (and deploy, through {@link #connected}): load and validate the
 * setup, connect, say where calls go, and turn connection problems into one clear message. Messages and progress
 * go to stderr.
 */
abstract class ProvisioningCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The setup file.")
  Path file;

  @Mixin
  ConnectionOptions connection;

  @Mixin
  SandboxAccountOptions simulated;

  private final Connector connector;
  Terminal terminal = Terminal.system();

  ProvisioningCommand(Connector connector) {
    this.connector = connector;
  }

  /** The command's work, connected; returns the exit code. */
  abstract int run(SetupSpec setup, Session session) throws Exception;

  @Override
  public final Integer call() throws Exception {
    return connected(file, true, connection, connector, err(), (setup, session) ->
        simulated.apply(session.simulated(), err()) ? run(setup, session) : Cli.USAGE);
  }

  /** A command's work once connected. */
  interface Work {
    int run(SetupSpec setup, Session session) throws Exception;
  }

  /**
   * Loads {@code file} (and validates it when {@code validate}), connects as {@code connection} says, says where
   * calls go, runs {@code work}, and turns connection problems into one clear message; returns the exit code.
   */
  static int connected(Path file, boolean validate, ConnectionOptions connection, Connector connector, PrintWriter err,
      Work work) throws Exception {
    SetupSpec setup = SetupFiles.load(file, err);
    if (setup == null) {
      return Cli.FINDINGS;
    }
    List<Problem> problems = validate ? SpecValidator.validate(setup) : List.of();
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("error: " + p.message()));
      err.println("Fix the setup first (see `validate " + file + "`).");
      return Cli.FINDINGS;
    }
    Connection where;
    try {
      where = connection.connection(setup.region());
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Cli.USAGE;
    }
    try (Session session = connector.connect(where)) {
      var identity = session.identity();
      err.println(session.describe());
      if (!identity.simulated()) {
        err.println("Calls run as " + identity.arn() + " (account " + identity.account() + ")");
      }
      return work.run(setup, session);
    } catch (ConnectionProblem e) {
      err.println("error: " + e.getMessage());
      return Cli.FINDINGS;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      return Cli.FINDINGS;
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Asks on stderr and reads the terminal; anything but y/yes (or the end of input) is no. */
  boolean confirm(String question) throws IOException {
    err().print(question + " [y/N] ");
    err().flush();
    return yes(terminal.readLine());
  }

  private static boolean yes(String answer) {
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  /** Asks on {@code err} and reads stdin; anything but y/yes (or the end of input) is no. */
  static boolean confirm(PrintWriter err, String question) throws IOException {
    err.print(question + " [y/N] ");
    err.flush();
    return yes(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine());
  }

  /** Prints why the plan was refused, and the catalogue's cause and fix (in the user's language) for known texts. */
  int refused(PlanRefusedException e) {
    err().println("error: " + e.getMessage());
    explain(e.reasons());
    return Cli.FINDINGS;
  }

  /** The catalogue's cause and fix, in the user's language, of each text that names a known failure. */
  void explain(List<String> texts) {
    texts.stream().map(Catalogue::match).flatMap(Optional::stream).distinct().forEach(row -> err().println(
        "  Catalogue row " + row.row() + ": " + row.cause(Locale.getDefault()) + "\n  Fix: "
            + row.fix(Locale.getDefault())));
  }

  /** Prints each failure with its step, resource, AWS's code, message and request id, and the diagnosis. */
  int report(ProvisionResult result, String what) {
    for (ProvisionError error : result.failed()) {
      err().println(error.describe(Locale.getDefault()));
    }
    if (!result.skipped().isEmpty()) {
      err().println("Not started because of the failure: " + result.skipped());
    }
    return switch (result.status()) {
      case SUCCEEDED -> Cli.OK;
      case CANCELLED -> {
        err().println(what + " was cancelled; run it again to resume.");
        yield Cli.FINDINGS;
      }
      case FAILED -> {
        err().println(what + " failed; everything made so far is in the journal. Fix the cause and run it again to"
            + " resume, or tear down.");
        yield Cli.FINDINGS;
      }
    };
  }
}
