package org.bgwizard.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.setup.SetupSpec;

/**
 * What the provisioning commands need from the app's composition root: a connected session. The app passes its
 * implementation to {@link Cli#run}; the cli package does not build SDK clients itself.
 */
public interface Backend {

  /** Connects; nothing is called until the session is used. */
  Session open(ConnectionOptions.Request request) throws IOException;

  /** One connection: operations over it, the journal of each setup, and a line saying where calls go. */
  interface Session extends AutoCloseable {
    SetupOperations operations();

    /** The clients the operations use, for the deployment dashboard and its actions. */
    AwsClients clients();

    /** The account's clock: the simulated account's own time, or the system clock for AWS. */
    Clock clock();

    /** The setup's journal for this connection (the sandbox keeps its own, next to its account file). */
    Journal journal(SetupSpec spec) throws IOException;

    /** The simulated account's own steps (a new customer, a connection handshake); empty for AWS. */
    default Optional<SimulatedAccount> simulated() {
      return Optional.empty();
    }

    /** Where calls go, e.g. "Sandbox (simulated account 123456789012, us-east-1), time 30× real". */
    String describe();

    @Override
    void close();
  }

  /** For builds without provisioning: every command that needs AWS says so. */
  Backend NONE = request -> {
    throw new IOException("This build of the app cannot connect to AWS");
  };
}
