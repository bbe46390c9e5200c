package org.bgwizard.app;

import org.bgwizard.ui.WizardApp;

/** Entry point (stand-in on the ui branch): no arguments opens the wizard window. */
public final class Main {
  public static void main(String[] args) {
    if (args.length == 0) WizardApp.launchApp(args);
  }
}
