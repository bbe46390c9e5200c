package org.bgwizard.cli;

import java.io.PrintWriter;
import org.bgwizard.setup.SetupSpec;

/** Checks the {@code --env} of status and teardown against the setup's environments (issue 15). */
final class EnvironmentSelection {
  private EnvironmentSelection() {}

  /**
   * Whether {@code environment} (null: not given) may be used with {@code setup}; when not, says why on {@code err},
   * with the setup's environments: the caller exits with {@link Cli#USAGE}.
   */
  static boolean accepts(SetupSpec setup, String environment, PrintWriter err) {
    if (environment == null) {
      return true;
    }
    if (!setup.hasEnvironments()) {
      err.println("error: --env " + environment + ": the setup " + setup.name() + " has no environments (its file has"
          + " no environments section); leave --env out");
      return false;
    }
    if (setup.environments().find(environment).isEmpty()) {
      err.println("error: --env " + environment + ": the setup " + setup.name() + " has no such environment; its"
          + " environments: " + String.join(", ", setup.environments().names()));
      return false;
    }
    return true;
  }
}
