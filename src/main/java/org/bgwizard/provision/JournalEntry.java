package org.bgwizard.provision;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the journal knows about one resource.
 *
 * @param outputs identifiers and attributes recorded at CREATED and DONE (ARN, id, DNS name …)
 * @param clientToken the idempotency token handed out at INTENT and sent with the create call; null for REUSE
 * @param history when the entry entered each state of its current life (a re-create after DELETED starts anew)
 * @param adopted why this setup counts the resource as its own although no run of this journal created it (its
 *     tag names the setup); null for a resource a run created or a resource the user brought
 */
public record JournalEntry(ResourceRef ref, Origin origin, State state, Map<String, String> outputs,
    String clientToken, Map<State, Instant> history, String adopted) {

  /** INTENT → CREATED → DONE → DELETING → DELETED; a REUSE entry is only ever DONE. */
  public enum State {
    /** A create call was about to be made: the resource may or may not exist. */
    INTENT,
    /** The create call returned; {@code outputs} hold its identifiers; the step has not finished (e.g. a wait). */
    CREATED,
    /** The step finished; {@code outputs} are complete and a resumed run does not repeat it. */
    DONE,
    /** A delete call was about to be made (or failed): teardown tries again. */
    DELETING,
    /** Gone. */
    DELETED
  }

  public JournalEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(state, "state");
    outputs = Collections.unmodifiableMap(new TreeMap<>(outputs == null ? Map.of() : outputs));
    var times = new EnumMap<State, Instant>(State.class);
    if (history != null) {
      times.putAll(history);
    }
    history = Collections.unmodifiableMap(times);
  }

  public JournalEntry(ResourceRef ref, Origin origin, State state, Map<String, String> outputs, String clientToken,
      Map<State, Instant> history) {
    this(ref, origin, state, outputs, clientToken, history, null);
  }

  public Optional<String> output(String key) {
    return Optional.ofNullable(outputs.get(key));
  }

  /** Whether teardown should delete it: this setup created it (or may have) and it is not yet gone. */
  boolean deletable() {
    return origin == Origin.CREATE && state != State.DELETED;
  }

  JournalEntry moveTo(State next, Map<String, String> newOutputs, Instant at) {
    var merged = new TreeMap<>(outputs);
    merged.putAll(newOutputs);
    var times = new EnumMap<State, Instant>(State.class);
    times.putAll(history);
    times.put(next, at);
    return new JournalEntry(ref, origin, next, merged, clientToken, times, next == State.INTENT ? null : adopted);
  }
}
