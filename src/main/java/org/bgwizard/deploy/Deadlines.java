package org.bgwizard.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the two waits of a blue/green deployment end. CodeDeploy does not return them: the ready wait starts when
 * the test traffic events (or AfterInstall without a test listener) end, the termination wait when AfterAllowTraffic
 * ends (inferred from "What happens during an Amazon ECS deployment"; aws/containers-roadmap #269).
 */
final class Deadlines {
  private Deadlines() {}

  static Instant reroute(String status, List<LifecycleEvent> events, GroupConfig group) {
    if (!status.equals("Ready") || group.readyWaitMinutes() == null) {
      return null;
    }
    Instant readyAt = null;
    for (LifecycleEvent e : events) {
      if (e.name().equals("BeforeAllowTraffic")) {
        break;
      }
      if (e.end() != null) {
        readyAt = e.end();
      }
    }
    return readyAt == null ? null : readyAt.plus(Duration.ofMinutes(group.readyWaitMinutes()));
  }

  static Instant termination(String status, List<LifecycleEvent> events, GroupConfig group) {
    if (!status.equals("InProgress") || events.isEmpty()) {
      return null;
    }
    LifecycleEvent last = events.get(events.size() - 1);
    if (!last.name().equals("AfterAllowTraffic") || !last.status().equals("Succeeded") || last.end() == null) {
      return null;
    }
    return last.end().plus(Duration.ofMinutes(group.terminationWaitMinutes()));
  }
}
