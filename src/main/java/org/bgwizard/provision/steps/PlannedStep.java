package org.bgwizard.provision.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One step of a plan as {@code plan --json} gives it.
 *
 * @param action create, exists, update, recreate, replace, reuse or REFUSED
 * @param owner SETUP, ADOPTED, USER or UNKNOWN for a resource that exists; null otherwise
 * @param differences what differs, in words, when there are no field-by-field changes
 * @param command the AWS CLI command that does the same by hand; null when apply does nothing
 * @param replaceCost for a replace: what replacing it costs; null otherwise (its differences say why)
 * @param environments in a setup with environments, those that have the resource (more than one: shared); null
 *     (left out of the JSON) in a setup without
 */
public record PlannedStep(String kind, String name, String action, String owner, String ownerNote,
    List<String> differences, List<Change> changes, String command, String replaceCost,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> environments) {

  /** A step of a setup without environments. */
  public PlannedStep(String kind, String name, String action, String owner, String ownerNote,
      List<String> differences, List<Change> changes, String command, String replaceCost) {
    this(kind, name, action, owner, ownerNote, differences, changes, command, replaceCost, null);
  }
}
