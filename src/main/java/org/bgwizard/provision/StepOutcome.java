package org.bgwizard.provision;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a step's {@code apply} found or made: the resource's identifiers and attributes (ARN, id, DNS name …) that
 * dependent steps read with {@link StepContext#output} and that the journal keeps for resume and teardown.
 */
public record StepOutcome(Map<String, String> outputs) {

  public StepOutcome {
    outputs = Map.copyOf(outputs);
  }

  /** {@code StepOutcome.of("arn", arn, "id", id)}: keys and values alternate. */
  public static StepOutcome of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("StepOutcome.of takes keys and values in pairs");
    }
    var outputs = new TreeMap<String, String>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      outputs.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new StepOutcome(outputs);
  }
}
