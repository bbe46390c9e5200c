package org.bgwizard.provision;

import java.time.Duration;

/**
 * A step changed state or reported progress: what happened ({@code kind}) and its text where it has one (a
 * failure's description, a line of the step's progress, what a step run again said when done); {@code elapsed}
 * counts from the step's start (zero before it). Each face says it in its own words; {@link #message()} is the
 * engine's English, as the commands print it.
 */
public record StepEvent(ResourceRef ref, StepState state, Kind kind, String text, Duration elapsed) {

  /** What happened to the step. */
  public enum Kind {
    WAITING("waiting"),
    DONE_EARLIER("done in an earlier run"),
    STARTED("started"),
    /** A line of the step's own progress: the text. */
    PROGRESS(null),
    /** Done; a step run again or adopted says how in the text. */
    DONE("done"),
    USING_EXISTING("using the existing one"),
    FOUND_AND_KEPT("found one this setup did not create: it will be used, and kept at teardown"),
    DELETED("deleted"),
    ALREADY_GONE("already gone"),
    /** Failed: the text describes the failure. */
    FAILED("failed: "),
    SKIPPED("skipped: an earlier step failed"),
    CANCELLED_BEFORE("cancelled before it started"),
    STOPPED_SAFELY("stopped at a safe point"),
    INTERRUPTED("interrupted");

    private final String english;

    Kind(String english) {
      this.english = english;
    }
  }

  /** How a step's work ended: the kind, and the text for the kinds that carry one (null otherwise). */
  public record Said(Kind kind, String text) {
    public static Said of(Kind kind) {
      return new Said(kind, null);
    }
  }

  /** The event in the engine's English, e.g. "done in an earlier run", "failed: AccessDenied …". */
  public String message() {
    return switch (kind) {
      case PROGRESS -> text;
      case DONE -> text == null ? kind.english : text;
      case FAILED -> kind.english + text;
      default -> kind.english;
    };
  }
}
