package org.bgwizard.provision.steps;

import java.util.List;

/**
 * What applying a step will do, given what exists.
 *
 * @param differences what differs between the resource found and the setup: with {@link Kind#EXISTS_DIFFERS}
 *     either what apply will update, or (when {@code refused}) why planning fails
 * @param changes the fields apply changes in place, old → new (empty when the step describes its update in words)
 * @param updateCommand the AWS CLI command that makes those changes by hand; null when there are none
 * @param replaceCost with {@link Kind#REPLACE}: what replacing it costs (a new DNS name, downtime); null otherwise
 */
public record PlanStatus(Kind kind, List<String> differences, boolean refused, List<Change> changes,
    String updateCommand, String replaceCost) {

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
    RECREATE,
    /**
     * It differs where AWS cannot change it in place: apply deletes it and creates it anew (after asking), with
     * what depends on it; {@code differences} says why, {@code replaceCost} what it costs.
     */
    REPLACE
  }

  public PlanStatus {
    differences = List.copyOf(differences);
    changes = List.copyOf(changes);
  }

  public PlanStatus(Kind kind, List<String> differences, boolean refused, List<Change> changes,
      String updateCommand) {
    this(kind, differences, refused, changes, updateCommand, null);
  }

  public PlanStatus(Kind kind, List<String> differences, boolean refused) {
    this(kind, differences, refused, List.of(), null);
  }

  /**
   * Exists, and {@code changes} are fields AWS cannot change in place: {@code why} says so (citing AWS),
   * {@code cost} what replacing it costs, {@code command} the AWS CLI commands that replace it by hand.
   */
  static PlanStatus replace(List<Change> changes, String why, String cost, String command) {
    return new PlanStatus(Kind.REPLACE, List.of(why), false, changes, command, cost);
  }

  /** This replacement refused: the resource is not the setup's to delete. */
  PlanStatus refusedBecause(String reason) {
    var out = new java.util.ArrayList<String>();
    changes.forEach(c -> out.add(c.toString()));
    out.addAll(differences);
    out.add(reason);
    return new PlanStatus(Kind.EXISTS_DIFFERS, out, true);
  }

  /** Exists and {@code changes} differ (none: it matches); {@code command} makes them by hand. */
  static PlanStatus update(List<Change> changes, String command) {
    if (changes.isEmpty()) {
      return update(List.of());
    }
    return new PlanStatus(Kind.EXISTS_DIFFERS, changes.stream().map(Change::toString).toList(), false, changes,
        command);
  }

  /** Exists and {@code changes} differ, made in place by {@code command}; {@code why} says what the change keeps. */
  static PlanStatus update(List<Change> changes, String command, String why) {
    var differences = new java.util.ArrayList<>(changes.stream().map(Change::toString).toList());
    differences.add(why);
    return new PlanStatus(Kind.EXISTS_DIFFERS, differences, false, changes, command);
  }

  /** What an update says beyond its changes (why it is safe in place); empty for any other status. */
  public List<String> notes() {
    return kind == Kind.EXISTS_DIFFERS && !refused && !changes.isEmpty()
        ? differences.subList(Math.min(changes.size(), differences.size()), differences.size()) : List.of();
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

  /** A short word for listings: create, exists, update, reuse, recreate, replace, REFUSED or unknown. */
  public String label() {
    return switch (kind) {
      case CREATE -> "create";
      case EXISTS_MATCHES -> "exists";
      case EXISTS_DIFFERS -> refused ? "REFUSED" : "update";
      case REUSE -> "reuse";
      case UNKNOWN -> "unknown";
      case RECREATE -> "recreate";
      case REPLACE -> "replace";
    };
  }
}
