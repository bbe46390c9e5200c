package org.bgwizard.ui.wizard;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.setup.SetupSpec;

/**
 * One connection the Start page made, with what the later pages need from it: who the calls run as, the
 * provisioning operations, each setup's journal, and the clients and clock for the deployment dashboard.
 * Every method but {@link #identity()} and {@link #region()} may call AWS: use them off the FX thread.
 */
public interface Workspace extends AutoCloseable {
  Identity identity();

  /** The region every call goes to. */
  String region();

  SetupOperations operations();

  /** The setup's journal on this connection (the simulated account keeps its own). */
  Journal journal(SetupSpec spec) throws IOException;

  AwsClients clients();

  /** The account's clock: the simulated account's own time, or the system clock. */
  Clock clock();

  /** The simulated account's own steps and its speed; empty for AWS. */
  default Optional<SimulatedAccount> simulated() {
    return Optional.empty();
  }

  @Override
  void close();
}
