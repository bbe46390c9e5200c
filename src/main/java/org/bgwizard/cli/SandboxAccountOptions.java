package org.bgwizard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.bgwizard.aws.SimulatedAccount;
import picocli.CommandLine.Option;

/** Options that change the simulated account itself: what a new AWS customer sees, the console's handshake. */
final class SandboxAccountOptions {
  @Option(names = "--sandbox-new-account", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "Simulated account only: make it a new AWS customer (true), to whom CodeCommit refuses a first"
          + " repository, or an existing one (false). Kept with the account.")
  Boolean newAccount;

  @Option(names = "--sandbox-complete-handshake", description = "Simulated account only: do the AWS console's part"
      + " of every pending connection's handshake (on AWS you authorise the app in the browser).")
  boolean completeHandshake;

  boolean any() {
    return newAccount != null || completeHandshake;
  }

  /** Applies the options; false (with the reason on {@code err}) when they were given for a real account. */
  boolean apply(Optional<SimulatedAccount> account, PrintWriter err) {
    if (!any()) {
      return true;
    }
    if (account.isEmpty()) {
      err.println("error: --sandbox-new-account and --sandbox-complete-handshake only apply to the simulated account");
      return false;
    }
    if (newAccount != null) {
      account.get().newCustomer(newAccount);
      err.println("Simulated: the account is " + (newAccount ? "a new AWS customer (CodeCommit refuses a first"
          + " repository)" : "an existing CodeCommit customer"));
    }
    if (completeHandshake) {
      List<String> done = account.get().completeConnectionHandshakes();
      err.println(done.isEmpty() ? "Simulated: no connection was pending"
          : "Simulated: completed the console handshake of " + String.join(", ", done));
    }
    return true;
  }
}
