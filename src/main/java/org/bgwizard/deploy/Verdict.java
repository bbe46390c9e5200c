package org.bgwizard.deploy;

/**
 * Whether AWS would accept an action now, and if not why: a {@link Why} that a face words in the user's language,
 * and the same in English for the command line.
 */
public record Verdict(boolean allowed, Why why, String reason) {
  /** Why an action is refused; {@link #NONE} when it is allowed. */
  public enum Why {
    NONE, NOT_READ, NO_PIPELINE, NO_APPROVAL, NOT_READY, NOT_WAITING_FOR_TERMINATION, ROLLING_BACK, NO_DEPLOYMENT,
    ENDED, NOT_PAUSED, NO_SUCH_CALL
  }

  static Verdict yes() {
    return new Verdict(true, Why.NONE, "");
  }

  static Verdict no(Why why, String reason) {
    return new Verdict(false, why, reason);
  }
}
