package org.bgwizard.provision;

import java.util.Map;

/**
 * What the layer above the engine decided before an apply, from what it found in the account: steps the journal
 * records as DONE that must run again, and resources found without a record of this journal that are this
 * setup's own. The engine stays ignorant of why; it only runs, records and reports.
 *
 * @param steps DONE steps to run again, each with the line shown when it is done ("recreated", "updated: …")
 * @param adopt resources to record as this setup's own before their steps run, each with the reason ("adopted
 *     from its tag …"): teardown then deletes them
 */
public record RunAgain(Map<ResourceRef, String> steps, Map<ResourceRef, String> adopt) {
  public static final RunAgain NONE = new RunAgain(Map.of(), Map.of());

  public RunAgain {
    steps = Map.copyOf(steps);
    adopt = Map.copyOf(adopt);
  }
}
