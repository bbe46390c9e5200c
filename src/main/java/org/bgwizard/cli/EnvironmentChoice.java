package org.bgwizard.cli;

import java.io.PrintWriter;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;

/**
 * Which environment of a setup a command works on ({@code --env E}), as that environment's own setup
 * ({@link Environments#expand(SetupSpec, String)}), so today's machinery runs on it unchanged.
 */
final class EnvironmentChoice {
  private EnvironmentChoice() {}

  /**
   * The environment {@code name} of {@code setup}; with no name, the setup's only environment, or the setup itself
   * when it has none. Null after printing a usage error on {@code err}: a setup with several environments and no
   * name, an unknown name (both list the environments), or a name on a setup without environments.
   */
  static EnvironmentSpec resolve(SetupSpec setup, String name, PrintWriter err) {
    if (!setup.hasEnvironments()) {
      if (name != null) {
        err.println("error: --env " + name + ": the setup " + setup.name() + " has no environments; leave --env"
            + " out (environments are added with `init NAME --environments dev,qa,prod`)");
        return null;
      }
      return Environments.expand(setup).get(0);
    }
    var names = setup.environments().names();
    if (name == null) {
      if (names.size() == 1) {
        return Environments.expand(setup).get(0);
      }
      err.println("error: the setup " + setup.name() + " has the environments " + String.join(", ", names)
          + "; name one with --env (for example --env " + names.get(0) + ")");
      return null;
    }
    var found = Environments.expand(setup, name);
    if (found.isEmpty()) {
      err.println("error: --env " + name + ": the setup " + setup.name() + " has no environment " + name
          + "; its environments are " + String.join(", ", names));
      return null;
    }
    return found.get();
  }

  /** "Environment qa (2 of 3)", for stderr; null for a setup without environments. */
  static String describe(SetupSpec setup, EnvironmentSpec env) {
    return env.environment() == null ? null : "Environment " + env.name() + " (" + (env.index() + 1) + " of "
        + setup.environments().list().size() + ")";
  }
}
