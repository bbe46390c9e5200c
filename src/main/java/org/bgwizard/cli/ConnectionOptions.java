package org.bgwizard.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.aws.Connection;
import picocli.CommandLine.Option;

/**
 * Where a command's AWS calls go: the simulated account (the default), a profile of the user's AWS
 * configuration, the SDK's default credential chain as every AWS tool uses it (CI, CloudShell, EC2), or an endpoint
 * such as LocalStack.
 */
public final class ConnectionOptions {
  @Option(names = "--sandbox", description = "Use the simulated account (the default when no profile or endpoint is"
      + " given): practice without an AWS account or bill.")
  boolean sandbox;

  @Option(names = "--sandbox-state", paramLabel = "FILE",
      description = "The simulated account's file (default: the app's data folder, sandbox/REGION/account.json).")
  Path sandboxState;

  @Option(names = "--sandbox-speed", paramLabel = "N", description = "Simulated time runs N times faster than real"
      + " time (default " + Connection.DEFAULT_SANDBOX_SPEED + ").")
  Double sandboxSpeed;

  @Option(names = "--profile", paramLabel = "P", description = "A profile of your AWS config (SSO included).")
  String profile;

  @Option(names = "--aws", description = "Your AWS account, with the credentials every AWS tool finds: environment"
      + " variables, AWS_PROFILE, SSO, web identity, container and instance roles (CI, CloudShell, EC2)."
      + " AWS_ENDPOINT_URL sends the calls elsewhere.")
  boolean aws;

  @Option(names = "--region", paramLabel = "R", description = "The region (default: the setup's region).")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Send every call to URL (e.g. LocalStack).")
  URI endpoint;

  /** Whether calls go to the simulated account: asked for, or no --aws, profile or endpoint given. */
  boolean simulated() {
    return sandbox || (!aws && profile == null && endpoint == null);
  }

  /**
   * The connection the options choose; {@code setupRegion} fills in a missing region.
   *
   * @throws IllegalArgumentException when options of different modes are mixed
   */
  Connection connection(String setupRegion) {
    boolean simulated = simulated();
    List<String> real = realModeOptions();
    if (sandbox && !real.isEmpty()) {
      throw new IllegalArgumentException("--sandbox cannot be combined with " + String.join(" and ", real)
          + ": choose the simulated account or a real one");
    }
    if (aws && real.size() > 1) {
      throw new IllegalArgumentException("--aws cannot be combined with " + String.join(" and ", real.subList(1,
          real.size())) + ": with --aws, set AWS_PROFILE for a profile and AWS_ENDPOINT_URL for an endpoint");
    }
    if (!simulated && (sandboxState != null || sandboxSpeed != null)) {
      throw new IllegalArgumentException("--sandbox-state and --sandbox-speed only apply to the sandbox");
    }
    if (sandboxSpeed != null && !(sandboxSpeed > 0)) {
      throw new IllegalArgumentException("--sandbox-speed must be positive, not " + sandboxSpeed);
    }
    String where = region == null ? setupRegion : region;
    if (simulated) {
      return Connection.sandbox(where, sandboxState, sandboxSpeed == null ? Connection.DEFAULT_SANDBOX_SPEED
          : sandboxSpeed);
    }
    return aws ? Connection.defaultChain(where) : endpoint != null ? Connection.endpoint(endpoint, profile, where)
        : Connection.profile(profile, where);
  }

  /** The options given that choose a real account or an endpoint, as typed, e.g. "--profile dev". */
  private List<String> realModeOptions() {
    var given = new ArrayList<String>();
    if (aws) {
      given.add("--aws");
    }
    if (profile != null) {
      given.add("--profile " + profile);
    }
    if (endpoint != null) {
      given.add("--endpoint " + endpoint);
    }
    return given;
  }
}
