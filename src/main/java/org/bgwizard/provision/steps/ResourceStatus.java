package org.bgwizard.provision.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One resource of a setup as it is now, compared with the journal and the setup.
 *
 * @param arn what AWS calls it now, else what the journal recorded, else null
 * @param journal the journal's state for it (INTENT … DELETED), or null when the journal does not know it
 * @param details what differs or what happened, in words
 * @param lookup why it could not be looked at ({@link State#UNKNOWN}); null when it was
 * @param environments in a setup with environments, those that have it (more than one: shared); null (left out of
 *     the JSON) in a setup without
 */
public record ResourceStatus(String kind, String name, String arn, State state, String journal, List<String> details,
    LookupFailure lookup, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> environments) {

  public enum State {
    /** It exists as the setup wants it. */
    PRESENT,
    /** The journal says it was made (or chosen), but it is gone. */
    MISSING,
    /** It exists but differs from the setup, or is not the one the journal recorded. */
    DRIFTED,
    /** A run began creating it and did not finish: apply again resumes. */
    INCOMPLETE,
    /** It exists, but the journal did not record making it: apply would use it and teardown keep it. */
    UNTRACKED,
    /** It does not exist and the journal has nothing: apply would create it. */
    NOT_CREATED,
    /** It could not be looked at ({@link #lookup} says why): what exists is not known. */
    UNKNOWN
  }

  public ResourceStatus {
    details = List.copyOf(details);
    environments = environments == null ? null : List.copyOf(environments);
  }

  public ResourceStatus(String kind, String name, String arn, State state, String journal, List<String> details,
      LookupFailure lookup) {
    this(kind, name, arn, state, journal, details, lookup, null);
  }

  /** One that was looked at. */
  public ResourceStatus(String kind, String name, String arn, State state, String journal, List<String> details) {
    this(kind, name, arn, state, journal, details, null);
  }
}
