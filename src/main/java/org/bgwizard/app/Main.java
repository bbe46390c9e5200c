package org.bgwizard.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.bgwizard.cli.Cli;
import org.bgwizard.cli.Terminal;
import org.bgwizard.session.Connector;
import org.bgwizard.ui.WizardApp;

/** The one entry point: no arguments opens the wizard window, a command runs headless; both over one connector. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      WizardApp.launchApp(args, AppConnector.forWizard(), LaunchCommand.forThisProcess());
      return;
    }
    System.exit(run(args, System.out, System.err, AppConnector.forApp()));
  }

  /** Runs a command with its output on {@code out} and messages on {@code err}, all written when it returns. */
  static int run(String[] args, PrintStream out, PrintStream err, Connector connector) {
    return run(args, Terminal.system(), out, err, connector);
  }

  /** The same, with questions answered on {@code terminal}. */
  static int run(String[] args, Terminal terminal, PrintStream out, PrintStream err, Connector connector) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), connector, terminal);
  }
}
