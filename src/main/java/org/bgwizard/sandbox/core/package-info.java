/**
 * The simulated account itself, shared by every service: {@link org.bgwizard.sandbox.core.SandboxAccount} (state,
 * clock, the lock every call takes, persistence through {@link org.bgwizard.sandbox.core.StoreLock}), simulated time
 * ({@link org.bgwizard.sandbox.core.ManualClock}, {@link org.bgwizard.sandbox.core.ScaledClock},
 * {@link org.bgwizard.sandbox.core.Sleeper}, {@link org.bgwizard.sandbox.core.Simulated}), fault injection and access
 * denials, the AWS error shape ({@link org.bgwizard.sandbox.core.AwsErrors}: the services' API References and the
 * SDK's AwsErrorCode), ids, the one paginator ({@link org.bgwizard.sandbox.core.ListPage}), the shared tag logic
 * ({@link org.bgwizard.sandbox.core.TagLists}), the pipeline artifacts' zip format, and
 * {@link org.bgwizard.sandbox.core.Ports}: what one service asks of another.
 *
 * <p>The core depends on no service (ArchitectureTest): each service reaches its own state by type through
 * {@link org.bgwizard.sandbox.core.SandboxAccount#state(Class)}, and the composition root ({@code org.bgwizard.sandbox})
 * holds the saved composite of every service's state and wires the ports.
 */
package org.bgwizard.sandbox.core;
