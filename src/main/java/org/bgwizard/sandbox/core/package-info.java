/**
 * The simulated account itself, shared by every service: {@link org.bgwizard.sandbox.core.SandboxAccount} (state,
 * clock, the lock every call takes, persistence through {@link org.bgwizard.sandbox.core.StoreLock}), simulated time
 * ({@link org.bgwizard.sandbox.core.ManualClock}, {@link org.bgwizard.sandbox.core.ScaledClock},
 * {@link org.bgwizard.sandbox.core.Sleeper}, {@link org.bgwizard.sandbox.core.Simulated}), fault injection and access
 * denials, the AWS error shape ({@link org.bgwizard.sandbox.core.AwsErrors}: the services' API References and the
 * SDK's AwsErrorCode), ids, pagination, and {@link org.bgwizard.sandbox.core.Ports}: what one service asks of another.
 */
package org.bgwizard.sandbox.core;
