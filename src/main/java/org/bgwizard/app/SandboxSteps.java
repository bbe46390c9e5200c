package org.bgwizard.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ScaledClock;

/**
 * The simulated account's own steps, for the commands and the wizard; {@code clock} is the account's, and
 * {@code speedChosen} keeps a speed the user chooses for the next start (the wizard's preference; nothing for the CLI).
 */
record SandboxSteps(Sandbox sandbox, Clock clock, DoubleConsumer speedChosen) implements SimulatedAccount {
  @Override
  public void newCustomer(boolean newCustomer) {
    sandbox.newCustomer(newCustomer);
  }

  @Override
  public boolean isNewCustomer() {
    return sandbox.isNewCustomer();
  }

  @Override
  public List<String> completeConnectionHandshakes() {
    return sandbox.completeConnectionHandshakes();
  }

  @Override
  public String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message) {
    return sandbox.pushToProvider(fullRepositoryId, branch, files, message);
  }

  @Override
  public List<Mail> inbox() {
    return sandbox.inbox().stream().map(m -> new Mail(m.at, m.topicArn, m.recipient, m.subject, m.body)).toList();
  }

  @Override
  public List<String> confirmEmailSubscriptions() {
    return sandbox.confirmEmailSubscriptions();
  }

  @Override
  public OptionalDouble speed() {
    return clock instanceof ScaledClock scaled ? OptionalDouble.of(scaled.speed()) : OptionalDouble.empty();
  }

  @Override
  public void speed(double speed) {
    if (!(clock instanceof ScaledClock scaled)) {
      throw new IllegalStateException("This simulated account's time moves only when told (a test's clock)");
    }
    scaled.speed(speed);
    speedChosen.accept(speed);
  }
}
