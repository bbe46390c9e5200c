package org.bgwizard.app;

import java.util.List;
import java.util.Map;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.sandbox.Sandbox;

/** The simulated account's own steps, for the commands and the wizard. */
record SandboxSteps(Sandbox sandbox) implements SimulatedAccount {
  @Override
  public void newCustomer(boolean newCustomer) {
    sandbox.newCustomer(newCustomer);
  }

  @Override
  public List<String> completeConnectionHandshakes() {
    return sandbox.completeConnectionHandshakes();
  }

  @Override
  public String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message) {
    return sandbox.pushToProvider(fullRepositoryId, branch, files, message);
  }
}
