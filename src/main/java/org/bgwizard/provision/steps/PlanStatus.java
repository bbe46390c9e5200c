package org.bgwizard.provision.steps;

import java.util.List;

/**
 * What applying a step will do, given what exists.
 *
 * @param differences what differs between the resource found and the setup: with {@link Kind#EXISTS_DIFFERS}
 *     either what apply will update, or (when {@code refused}) why planning fails
 * @param changes the fields apply changes in place, old → new (empty when the step describes its update in words)
 * @param updateCommand the AWS CLI command that makes those changes by hand; null when there are none
 */
public record PlanStatus(Kind kind, List<String> differences, boolean refused, List<Change> changes,
    String updateCommand) {

  public enum Kind {
    /** Nothing by that name exists: apply creates it. */
    CREATE,
    /** It exists as the setup wants it: apply uses it. */
    EXISTS_MATCHES,
    /** It exists but differs: apply updates what is safe to update, or planning is refused. */
    EXISTS_DIFFERS,
    /** The user chose an existing resource: apply only uses it, teardown never touches it. */
    REUSE,
    /** It could not be looked at (see {@link SetupPlan#lookupFailure}): apply tries the step, which looks again. */
    UNKNOWN,
    /** The journal records it as this setup's, but the account no longer has it: apply creates it again. */
    RECREATE
  }

  public PlanStatus {
    differences = List.copyOf(differences);
    changes = List.copyOf(changes);
  }

  public PlanStatus(Kind kind, List<String> differences, boolean refused) {
    this(kind, differences, refused, List.of(), null);
  }

  /** Exists and {@code changes} differ (none: it matches); {@code command} makes them by hand. */
  static PlanStatus update(List<Change> changes, String command) {
    if (changes.isEmpty()) {
      return update(List.of());
    }
    return new PlanStatus(Kind.EXISTS_DIFFERS, changes.stream().map(Change::toString).toList(), false, changes,
        command);
  }

  static PlanStatus create() {
    return new PlanStatus(Kind.CREATE, List.of(), false);
  }

  static PlanStatus reuse() {
    return new PlanStatus(Kind.REUSE, List.of(), false);
  }

  static PlanStatus unknown() {
    return new PlanStatus(Kind.UNKNOWN, List.of(), false);
  }

  /** Exists; apply will bring {@code differences} (what it updates) in line. None: it matches. */
  static PlanStatus update(List<String> differences) {
    return new PlanStatus(differences.isEmpty() ? Kind.EXISTS_MATCHES : Kind.EXISTS_DIFFERS, differences, false);
  }

  /** Exists and cannot be used as it is: planning fails before anything is created. */
  static PlanStatus refuse(List<String> differences) {
    return new PlanStatus(Kind.EXISTS_DIFFERS, differences, true);
  }

  static PlanStatus refuse(String difference) {
    return refuse(List.of(difference));
  }

  /** The journal has it, the account does not: {@code why} says what the journal recorded. */
  static PlanStatus recreate(String why) {
    return new PlanStatus(Kind.RECREATE, List.of(why), false);
  }

  /** A short word for listings: create, exists, update, reuse, recreate, REFUSED or unknown. */
  public String label() {
    return switch (kind) {
      case CREATE -> "create";
      case EXISTS_MATCHES -> "exists";
      case EXISTS_DIFFERS -> refused ? "REFUSED" : "update";
      case REUSE -> "reuse";
      case UNKNOWN -> "unknown";
      case RECREATE -> "recreate";
    };
  }
}
