package org.bgwizard.provision;

import java.time.Duration;

/**
 * The whole run at a glance.
 *
 * @param fraction of the expected work done, 0 to 1, weighing each step by its expected duration
 */
public record Progress(int total, int done, int running, int failed, double fraction, Duration elapsed) {}
