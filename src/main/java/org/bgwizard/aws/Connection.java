package org.bgwizard.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where AWS calls go: the simulated account, a real account through a profile (null = the SDK's default
 * chain), a real account through the SDK's default credential chain as every AWS tool finds it (environment,
 * {@code AWS_PROFILE}, SSO, web identity, container and instance roles), or an emulator such as LocalStack behind
 * {@code endpoint}. A null region means the SDK's region chain ({@code AWS_REGION}, {@code aws.region}, the
 * profile's {@code region}, the instance's). The simulated account also has a file ({@code sandboxState}; null: the
 * app's, one per region) and a speed (simulated seconds per real second).
 */
public record Connection(Mode mode, String profile, String region, URI endpoint, Path sandboxState,
    double sandboxSpeed) {

  /** Simulated seconds per real second, unless the user says otherwise. */
  public static final double DEFAULT_SANDBOX_SPEED = 30;

  public enum Mode { SANDBOX, PROFILE, DEFAULT_CHAIN, ENDPOINT }

  /** A connection with the simulated account's defaults: its file in the app's data folder, its usual speed. */
  public Connection(Mode mode, String profile, String region, URI endpoint) {
    this(mode, profile, region, endpoint, null, mode == Mode.SANDBOX ? DEFAULT_SANDBOX_SPEED : 0);
  }

  public Connection {
    Objects.requireNonNull(mode, "mode");
    profile = blankToNull(profile);
    region = blankToNull(region);
    if (mode == Mode.ENDPOINT && endpoint == null) {
      throw new IllegalArgumentException("mode ENDPOINT needs an endpoint URL");
    }
    if (mode != Mode.ENDPOINT && endpoint != null) {
      throw new IllegalArgumentException("an endpoint URL needs mode ENDPOINT");
    }
    if (mode == Mode.SANDBOX && profile != null) {
      throw new IllegalArgumentException("the sandbox uses no profile");
    }
    if (mode == Mode.DEFAULT_CHAIN && profile != null) {
      throw new IllegalArgumentException("the default credential chain takes its profile from AWS_PROFILE");
    }
    if (mode == Mode.SANDBOX && !(sandboxSpeed > 0)) {
      throw new IllegalArgumentException("the sandbox's speed must be positive, not " + sandboxSpeed);
    }
    if (mode != Mode.SANDBOX && (sandboxState != null || sandboxSpeed != 0)) {
      throw new IllegalArgumentException("a sandbox file and speed need mode SANDBOX");
    }
  }

  public static Connection sandbox(String region) {
    return new Connection(Mode.SANDBOX, null, region, null);
  }

  /** The simulated account kept in {@code state} (null: the app's file of the region), at {@code speed}. */
  public static Connection sandbox(String region, Path state, double speed) {
    return new Connection(Mode.SANDBOX, null, region, null, state, speed);
  }

  /** The same connection, to {@code region}. */
  public Connection inRegion(String region) {
    return new Connection(mode, profile, region, endpoint, sandboxState, sandboxSpeed);
  }

  public static Connection profile(String profile, String region) {
    return new Connection(Mode.PROFILE, profile, region, null);
  }

  /** The SDK's default credential chain; the SDK also sends calls where {@code AWS_ENDPOINT_URL} says. */
  public static Connection defaultChain(String region) {
    return new Connection(Mode.DEFAULT_CHAIN, null, region, null);
  }

  public static Connection endpoint(URI endpoint, String profile, String region) {
    return new Connection(Mode.ENDPOINT, profile, region, endpoint);
  }

  /** The profile as the AWS CLI would name it in advice: the chosen one, else {@code default}. */
  String profileForAdvice() {
    return profile == null ? "default" : profile;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
