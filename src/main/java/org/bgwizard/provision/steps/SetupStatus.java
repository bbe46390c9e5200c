package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.steps.ResourceStatus.State;

/**
 * What exists of a setup, what is missing and what drifted: the journal, the setup and fresh lookups compared.
 *
 * @param orphans resources carrying this setup's tag that the journal does not know; null when not looked for
 */
public record SetupStatus(String setup, String account, String region, List<ResourceStatus> resources,
    List<TaggedResource> orphans) {

  public SetupStatus {
    resources = List.copyOf(resources);
    orphans = orphans == null ? null : List.copyOf(orphans);
  }

  /**
   * Whether everything the journal records exists as the setup wants it, nothing is left over, and every resource
   * could be looked at.
   */
  public boolean healthy() {
    return resources.stream().noneMatch(r -> r.state() == State.MISSING || r.state() == State.DRIFTED
        || r.state() == State.INCOMPLETE || r.state() == State.UNKNOWN) && (orphans == null || orphans.isEmpty());
  }

  /**
   * The status of the environment {@code environment} of a setup with environments: its own resources and those it
   * shares with others.
   */
  public SetupStatus ofEnvironment(String environment) {
    return new SetupStatus(setup, account, region, resources.stream().filter(r -> r.environments() != null
        && r.environments().contains(environment)).toList(), orphans);
  }

  static SetupStatus of(SetupPlan plan, Discovered discovered, Journal journal, List<TaggedResource> orphans) {
    var out = new ArrayList<ResourceStatus>();
    for (AwsStep<?> step : plan.awsSteps()) {
      ResourceRef ref = step.ref();
      Optional<?> found = discovered.found(ref);
      Optional<JournalEntry> entry = journal.entry(ref)
          .or(() -> found.flatMap(f -> Convergence.recordedAs(journal, ref, step.idOfFound(f))));
      String journalState = entry.map(e -> e.state().name()).orElse(null);
      String recordedArn = entry.flatMap(e -> e.output("arn").or(() -> e.output("id"))).orElse(null);
      String foundArn = found.map(step::idOfFound).orElse(null);
      String arn = foundArn != null ? foundArn : recordedArn;
      boolean tracked = entry.isPresent() && entry.get().state() != JournalEntry.State.DELETED;
      State state;
      var details = new ArrayList<String>();
      Optional<LookupFailure> failure = discovered.failure(ref);
      if (failure.isPresent()) {
        state = State.UNKNOWN;
        details.add(failure.get().describe());
        if (entry.isPresent()) {
          details.add("the journal records it as " + journalState);
        }
      } else if (found.isEmpty()) {
        state = tracked && entry.get().state() != JournalEntry.State.INTENT ? State.MISSING
            : tracked ? State.INCOMPLETE : State.NOT_CREATED;
        if (state == State.MISSING) {
          details.add("the journal says " + (entry.get().origin() == Origin.REUSE ? "you chose it" : "this setup made it")
              + ", but it no longer exists: apply again to recreate it, or teardown to forget it");
        }
      } else if (!tracked && plan.ownership(ref).filter(o -> o.owner() == Ownership.Owner.ADOPTED).isEmpty()) {
        state = State.UNTRACKED;
        plan.ownership(ref).map(Ownership::note).ifPresent(details::add);
      } else if (!tracked) {
        details.add(plan.ownership(ref).orElseThrow().note() + ": apply or teardown records it in the journal");
        details.addAll(step.assessFound(found).differences());
        state = details.size() == 1 ? State.PRESENT : State.DRIFTED;
      } else if (entry.get().state() != JournalEntry.State.DONE) {
        state = State.INCOMPLETE;
        details.add("a run stopped at " + entry.get().state() + ": apply again to finish it");
      } else {
        PlanStatus status = step.assessFound(found);
        details.addAll(status.differences());
        if (recordedArn != null && foundArn != null && !step.sameResource(recordedArn, foundArn)) {
          details.add("replaced outside the wizard: the journal recorded " + recordedArn);
        }
        state = details.isEmpty() ? State.PRESENT : State.DRIFTED;
      }
      if (failure.isEmpty() && state != State.NOT_CREATED && state != State.MISSING) {
        details.addAll(step.notesOfFound(found));
      }
      out.add(new ResourceStatus(ref.kind(), ref.name(), arn, state, journalState, details, failure.orElse(null),
          step.environments().isEmpty() ? null : List.copyOf(step.environments())));
    }
    return new SetupStatus(plan.spec().name(), plan.target().accountId(), plan.target().region(), out, orphans);
  }
}
