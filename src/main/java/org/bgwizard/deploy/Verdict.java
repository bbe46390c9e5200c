package org.bgwizard.deploy;

/** Whether AWS would accept an action now, and if not why. */
public record Verdict(boolean allowed, String reason) {
  static Verdict yes() {
    return new Verdict(true, "");
  }

  static Verdict no(String reason) {
    return new Verdict(false, reason);
  }
}
