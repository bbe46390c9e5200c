package org.bgwizard.aws;

/** Addresses of AWS console pages the user is sent to: plain text, no call. */
public final class ConsoleLinks {
  private ConsoleLinks() {}

  /**
   * Where the user completes a pending connection ("Update a pending connection", Developer Tools console, settings
   * › Connections).
   */
  public static String connections(String region) {
    return "https://console.aws.amazon.com/codesuite/settings/connections?region=" + region;
  }
}
