package org.bgwizard.provision;

import java.util.List;
import java.util.Map;

/**
 * How a run ended. Lists follow the plan's order.
 *
 * @param done the steps that are complete, including those a resumed run found DONE in the journal
 * @param outputs every completed step's outputs (empty for teardown)
 */
public record ProvisionResult(Status status, List<ResourceRef> done, List<ProvisionError> failed,
    List<ResourceRef> skipped, List<ResourceRef> cancelled, Map<ResourceRef, Map<String, String>> outputs) {

  public enum Status {
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  public ProvisionResult {
    done = List.copyOf(done);
    failed = List.copyOf(failed);
    skipped = List.copyOf(skipped);
    cancelled = List.copyOf(cancelled);
    outputs = Map.copyOf(outputs);
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
