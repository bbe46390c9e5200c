package org.bgwizard.session;

import org.bgwizard.deploy.DeploymentMonitor;

/** A deployment monitor with the thread it polls on; closing stops the polling and ends the thread. */
public record Monitoring(DeploymentMonitor monitor, Runnable onClose) implements AutoCloseable {
  @Override
  public void close() {
    monitor.stop();
    onClose.run();
  }
}
