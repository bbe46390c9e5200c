package org.bgwizard.provision.steps;

import java.util.List;

/**
 * What applying a step will do, given what exists.
 *
 * @param differences what differs between the resource found and the setup: with {@link Kind#EXISTS_DIFFERS}
 *     either what apply will update, or (when {@code refused}) why planning fails
 */
public record PlanStatus(Kind kind, List<String> differences, boolean refused) {

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
    UNKNOWN
  }

  public PlanStatus {
    differences = List.copyOf(differences);
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

  /** A short word for listings: create, exists, update, reuse, REFUSED or unknown. */
  public String label() {
    return switch (kind) {
      case CREATE -> "create";
      case EXISTS_MATCHES -> "exists";
      case EXISTS_DIFFERS -> refused ? "REFUSED" : "update";
      case REUSE -> "reuse";
      case UNKNOWN -> "unknown";
    };
  }
}
