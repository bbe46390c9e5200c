package org.bgwizard.app;

import org.bgwizard.cli.Cli;
import org.bgwizard.ui.WizardApp;

/** The one entry point: no arguments opens the wizard window, a command runs headless. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      WizardApp.launchApp(args, WizardConnector.forApp());
      return;
    }
    System.exit(Cli.run(args, ProvisioningBackend.forApp()));
  }
}
