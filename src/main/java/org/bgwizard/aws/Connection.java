package org.bgwizard.aws;

import java.net.URI;
import java.util.Objects;

/**
 * Where AWS calls go: the simulated account, a real account through a profile (null = the SDK's default
 * chain), or an emulator such as LocalStack behind {@code endpoint}. A null region means the SDK's region
 * chain ({@code AWS_REGION}, {@code aws.region}, the profile's {@code region}).
 */
public record Connection(Mode mode, String profile, String region, URI endpoint) {

  public enum Mode { SANDBOX, PROFILE, ENDPOINT }

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
  }

  public static Connection sandbox(String region) {
    return new Connection(Mode.SANDBOX, null, region, null);
  }

  public static Connection profile(String profile, String region) {
    return new Connection(Mode.PROFILE, profile, region, null);
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
