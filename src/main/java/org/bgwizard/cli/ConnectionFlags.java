package org.bgwizard.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.bgwizard.aws.AwsClientSettings;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.SandboxClientSource;
import org.bgwizard.provision.AppData;
import org.bgwizard.sandbox.ScaledClock;
import picocli.CommandLine.Option;

/** Where the commands that talk to AWS connect: the simulated account, a profile, or an emulator endpoint. */
final class ConnectionFlags {
  @Option(names = "--sandbox", description = "Use the simulated account (no AWS account needed).")
  boolean sandbox;

  @Option(names = "--sandbox-state", paramLabel = "FILE",
      description = "The simulated account's file (default: the app's data folder, sandbox/REGION/account.json).")
  Path sandboxState;

  @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the SDK's chain).")
  String profile;

  @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the setup file's).")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "An emulator's endpoint instead of AWS.")
  URI endpoint;

  /** Simulated time runs on from where the account stopped; real AWS is on the system clock. */
  private Clock clock = Clock.systemUTC();

  Clock clock() {
    return clock;
  }

  AwsClients open(String setupRegion) throws IOException {
    String r = region == null ? setupRegion : region;
    if (sandbox || sandboxState != null) {
      // the same account plan, apply, status and teardown use
      Path state = sandboxState != null ? sandboxState : AppData.sandboxState(r);
      return SandboxClientSource.open(state, r, t -> clock = new ScaledClock(Clock.systemUTC(), t, 1.0));
    }
    Connection c = endpoint != null ? Connection.endpoint(endpoint, profile, r) : Connection.profile(profile, r);
    return AwsClients.real(c, AwsClientSettings.defaults());
  }
}
