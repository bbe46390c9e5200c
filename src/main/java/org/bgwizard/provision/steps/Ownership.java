package org.bgwizard.provision.steps;

/**
 * Whose a resource found under a setup's name is. The journal answers first; without its record (a journal lost
 * with its machine, or a second data folder) the resource's tag does: the setup's name and its
 * {@code bgwizard:setup} tag make it the setup's own, the name alone makes it the user's.
 *
 * @param note what the plan and status say about it; null when the journal settles it
 */
public record Ownership(Owner owner, String note) {

  public enum Owner {
    /** The journal records that this setup created it. */
    SETUP,
    /** Not in the journal, but its tag names this setup: recorded as the setup's own at apply or teardown. */
    ADOPTED,
    /** The user's: chosen as existing, or found with the setup's name but without its tag. Never deleted. */
    USER,
    /** Its tags could not be read: treated as the user's. */
    UNKNOWN
  }

  static final Ownership SETUP = new Ownership(Owner.SETUP, null);

  /** Whether teardown may delete it once recorded. */
  public boolean setups() {
    return owner == Owner.SETUP || owner == Owner.ADOPTED;
  }
}
