package org.bgwizard.ui.dashboard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.sandbox.core.ScaledClock;

/** The simulated account's speed, as the app's SandboxSteps gives it, recording what the window set; nothing else. */
public final class SpeedOnlyAccount implements SimulatedAccount {
  private final Clock clock;
  private final List<Double> set = new ArrayList<>();

  public SpeedOnlyAccount(Clock clock) {
    this.clock = clock;
  }

  @Override
  public OptionalDouble speed() {
    return clock instanceof ScaledClock scaled ? OptionalDouble.of(scaled.speed()) : OptionalDouble.empty();
  }

  @Override
  public void speed(double speed) {
    set.add(speed);
    ((ScaledClock) clock).speed(speed);
  }

  @Override
  public void newCustomer(boolean newCustomer) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isNewCustomer() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> completeConnectionHandshakes() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String pushToProvider(String repository, String branch, Map<String, String> files, String message) {
    throw new UnsupportedOperationException();
  }

  /** The speeds the window set, in order. */
  public List<Double> set() {
    return set;
  }
}
