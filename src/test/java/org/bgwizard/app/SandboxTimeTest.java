package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.deploy.Scheduler;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** How the simulated account's time reaches the deployment monitors and the commands. */
class SandboxTimeTest {
  @Test
  void inTheSimulatedAccount_pausesFollowItsTime_butNeverBelowASecond() {
    var delays = new ArrayList<Duration>();
    Scheduler recording = (delay, task) -> {
      delays.add(delay);
      return () -> { };
    };

    var scheduler = SandboxTime.pauses(recording, 30);
    scheduler.schedule(Duration.ofSeconds(60), () -> { });
    scheduler.schedule(Duration.ofSeconds(5), () -> { });
    scheduler.schedule(Duration.ofMillis(200), () -> { });
    SandboxTime.pauses(recording, 1).schedule(Duration.ofSeconds(5), () -> { });

    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5)),
        delays);
  }

  @Test
  void theSimulatedAccountsId_isTheSandboxsOwn() {
    assertEquals(Sandbox.ACCOUNT_ID, SimulatedAccount.ACCOUNT_ID);
  }
}
