package org.bgwizard.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command's AWS calls go: the simulated account (the default), a profile of the user's AWS
 * configuration, or an endpoint such as LocalStack.
 */
public final class ConnectionOptions {
  /** Simulated seconds per real second, unless {@code --sandbox-speed} says otherwise. */
  public static final double DEFAULT_SANDBOX_SPEED = 30;

  @Option(names = "--sandbox", description = "Use the simulated account (the default when no profile or endpoint is"
      + " given): practice without an AWS account or bill.")
  boolean sandbox;

  @Option(names = "--sandbox-state", paramLabel = "FILE",
      description = "The simulated account's file (default: the app's data folder, sandbox/REGION/account.json).")
  Path sandboxState;

  @Option(names = "--sandbox-speed", paramLabel = "N", description = "Simulated time runs N times faster than real"
      + " time (default " + DEFAULT_SANDBOX_SPEED + ").")
  Double sandboxSpeed;

  @Option(names = "--profile", paramLabel = "P", description = "A profile of your AWS config (SSO included).")
  String profile;

  @Option(names = "--region", paramLabel = "R", description = "The region (default: the setup's region).")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Send every call to URL (e.g. LocalStack).")
  URI endpoint;

  /** The connection as the backend takes it; {@code setupRegion} fills in a missing region. */
  public record Request(Mode mode, Path sandboxState, double sandboxSpeed, String profile, String region,
      URI endpoint) {}

  public enum Mode { SANDBOX, PROFILE, ENDPOINT }

  /** Whether calls go to the simulated account: asked for, or no profile or endpoint given. */
  boolean simulated() {
    return sandbox || (profile == null && endpoint == null);
  }

  /** @throws IllegalArgumentException when options of different modes are mixed */
  Request request(String setupRegion) {
    boolean simulated = simulated();
    if (sandbox && (profile != null || endpoint != null)) {
      throw new IllegalArgumentException("--sandbox cannot be combined with --profile or --endpoint");
    }
    if (!simulated && (sandboxState != null || sandboxSpeed != null)) {
      throw new IllegalArgumentException("--sandbox-state and --sandbox-speed only apply to the sandbox");
    }
    if (sandboxSpeed != null && !(sandboxSpeed > 0)) {
      throw new IllegalArgumentException("--sandbox-speed must be positive, not " + sandboxSpeed);
    }
    Mode mode = simulated ? Mode.SANDBOX : endpoint != null ? Mode.ENDPOINT : Mode.PROFILE;
    return new Request(mode, sandboxState, sandboxSpeed == null ? DEFAULT_SANDBOX_SPEED : sandboxSpeed, profile,
        region == null ? setupRegion : region, endpoint);
  }
}
