package org.bgwizard.provision.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.RunAgain;
import org.bgwizard.setup.SetupSpec;

/**
 * A plan decided against a journal, as CloudFormation and Terraform converge a stack: what the journal records but
 * the account lost is recreated, what differs is updated, and what the account has but the journal does not know
 * is the setup's own when its tag says so (a journal lost with its machine is rebuilt from the account), else the
 * user's. Reads tags only of found resources the journal does not record as this setup's.
 */
final class Convergence {
  private Convergence() {}

  static SetupPlan against(SetupPlan plan, Journal journal) {
    var statuses = new LinkedHashMap<ResourceRef, PlanStatus>();
    var owners = new LinkedHashMap<ResourceRef, Ownership>();
    var read = new LinkedHashMap<ResourceRef, Map<String, String>>();
    for (AwsStep<?> step : plan.awsSteps()) {
      ResourceRef ref = step.ref();
      PlanStatus status = plan.status(ref);
      Optional<?> found = plan.found(ref);
      Optional<JournalEntry> ours = journal.entry(ref)
          .filter(e -> e.origin() == Origin.CREATE && e.state() != State.DELETED)
          .or(() -> found.flatMap(f -> recordedAs(journal, ref, step.idOfFound(f))));
      if (step.origin() == Origin.REUSE) {
        found.ifPresent(f -> owners.put(ref, new Ownership(Ownership.Owner.USER, null)));
      } else if (found.isEmpty()) {
        if (ours.isPresent() && ours.get().state() != State.INTENT) {
          status = PlanStatus.recreate("the journal records it as made by this setup"
              + ours.get().output("arn").or(() -> ours.get().output("id")).map(a -> " (" + a + ")").orElse("")
              + ", but the account no longer has it: it will be created again");
        }
      } else if (ours.isPresent()) {
        owners.put(ref, ours.get().adopted() == null ? Ownership.SETUP
            : new Ownership(Ownership.Owner.SETUP, ours.get().adopted()));
      } else {
        owners.put(ref, plan.ownership(ref).orElseGet(() -> fromTags(step, found.get(), plan.spec().name(), read)));
      }
      if (step instanceof ListenerStep listener && found.isPresent()) {
        Optional<String> role = journal.entry(ref).flatMap(e -> e.output("role"));
        if (role.isPresent() && !role.get().equals(listener.role())) {
          status = listener.refusalForRecordedRole(role.get());
        }
      }
      statuses.put(ref, status);
    }
    Rollouts.decide(plan, statuses);
    Replacements.decide(plan, statuses, owners);
    for (AwsStep<?> step : plan.awsSteps()) {
      Ownership owner = owners.get(step.ref());
      if (owner != null && owner.setups()) {
        statuses.put(step.ref(), withTagChanges(plan, journal, step, statuses.get(step.ref()), read));
      }
    }
    return plan.with(statuses, owners);
  }

  /**
   * The setup's entry recording {@code id} under another name of the same kind: a resource whose name carries a
   * setting that apply changes in place (a listener's port), not yet moved to its new name.
   */
  static Optional<JournalEntry> recordedAs(Journal journal, ResourceRef ref, String id) {
    return journal.entries().stream().filter(e -> e.ref().kind().equals(ref.kind()) && !e.ref().equals(ref)
        && e.origin() == Origin.CREATE && e.state() != State.DELETED && e.output("arn").filter(id::equals).isPresent())
        .findFirst();
  }

  /**
   * {@code status} with the tag changes of a found resource of this setup of a {@link TagChanges#CONVERGED} kind: its
   * tags are read unless the journal records that apply gave it the setup's current ones.
   */
  private static PlanStatus withTagChanges(SetupPlan plan, Journal journal, AwsStep<?> step, PlanStatus status,
      Map<ResourceRef, Map<String, String>> read) {
    ResourceRef ref = step.ref();
    boolean inPlace = status.kind() == PlanStatus.Kind.EXISTS_MATCHES
        || status.kind() == PlanStatus.Kind.EXISTS_DIFFERS;
    if (!TagChanges.CONVERGED.contains(step.kind()) || step.origin() == Origin.REUSE || !inPlace || status.refused()) {
      return status;
    }
    // The step's own setup: an environment's resources also carry bgwizard:environment (Environments.expand).
    Map<String, String> wanted = step.setup.tags();
    Optional<Map<String, String>> recorded = TagChanges.recorded(journal.entry(ref));
    if (recorded.filter(wanted::equals).isPresent()) {
      return status;
    }
    Object found = plan.found(ref).orElseThrow();
    Map<String, String> tags = read.get(ref);
    if (tags == null) {
      try {
        tags = step.tagsOfFound(found);
      } catch (Exception e) {
        return status;
      }
    }
    var add = new java.util.TreeMap<String, String>();
    for (var e : wanted.entrySet()) {
      if (!e.getValue().equals(tags.get(e.getKey()))) {
        add.put(e.getKey(), e.getValue());
      }
    }
    var remove = TagChanges.removed(recorded.orElse(Map.of()), wanted, tags);
    if (add.isEmpty() && remove.isEmpty()) {
      return status;
    }
    var changes = new ArrayList<>(status.changes());
    changes.addAll(TagChanges.changes(tags, add, remove));
    String command = TagChanges.command(step.kind(), ref.name(), step.idOfFound(found), tags, add, remove);
    return PlanStatus.update(changes, status.changes().isEmpty() ? command : status.updateCommand() + " && " + command);
  }

  /** The setup's name and its tag make a found resource the setup's own; the name alone, the user's. */
  private static Ownership fromTags(AwsStep<?> step, Object found, String setup,
      Map<ResourceRef, Map<String, String>> read) {
    String tag = SetupSpec.SETUP_TAG + "=" + setup;
    Map<String, String> tags;
    try {
      tags = step.tagsOfFound(found);
      read.put(step.ref(), tags);
    } catch (Exception e) {
      return new Ownership(Ownership.Owner.UNKNOWN, "its tags could not be read (" + e.getMessage()
          + "): treated as yours, never deleted");
    }
    if (setup.equals(tags.get(SetupSpec.SETUP_TAG))) {
      return new Ownership(Ownership.Owner.ADOPTED, "adopted from its tag " + tag);
    }
    return new Ownership(Ownership.Owner.USER, "yours: it has the setup's name but not the tag " + tag
        + "; used, never deleted");
  }

  /** The DONE steps to run again and the resources to adopt, for a plan decided {@link #against} the journal. */
  static RunAgain runAgain(SetupPlan plan, Journal journal) {
    var steps = new LinkedHashMap<ResourceRef, String>();
    var adopt = new LinkedHashMap<ResourceRef, String>();
    for (AwsStep<?> step : plan.awsSteps()) {
      ResourceRef ref = step.ref();
      PlanStatus status = plan.status(ref);
      boolean done = journal.entry(ref).filter(e -> e.origin() == Origin.CREATE && e.state() == State.DONE)
          .isPresent() || plan.found(ref).flatMap(f -> recordedAs(journal, ref, step.idOfFound(f))).isPresent();
      Optional<Ownership> owner = plan.ownership(ref).filter(o -> o.owner() == Ownership.Owner.ADOPTED);
      String updated = updates(status).map(d -> "updated: " + d).orElse(null);
      if (status.kind() == PlanStatus.Kind.REPLACE) {
        // a replace that follows another has no field of its own: say why instead
        steps.put(ref, "replaced: " + (status.changes().isEmpty() ? String.join("; ", status.differences())
            : status.changes().stream().map(Change::toString).collect(java.util.stream.Collectors.joining("; "))));
      } else if (owner.isPresent()) {
        adopt.put(ref, owner.get().note() + (updated == null ? "" : "; " + updated));
      } else if (done && status.kind() == PlanStatus.Kind.RECREATE) {
        steps.put(ref, "recreated: the account had lost it");
      } else if (done && updated != null) {
        steps.put(ref, updated);
      }
    }
    return new RunAgain(steps, adopt);
  }

  private static Optional<String> updates(PlanStatus status) {
    if (status.kind() != PlanStatus.Kind.EXISTS_DIFFERS || status.refused()) {
      return Optional.empty();
    }
    return Optional.of(status.changes().isEmpty() ? String.join("; ", status.differences())
        : status.changes().stream().map(Change::toString).collect(java.util.stream.Collectors.joining("; ")));
  }

  /** The found resources a journal without any entry should record as this setup's own. */
  static List<ResourceRef> adopted(SetupPlan plan) {
    return plan.awsSteps().stream().map(AwsStep::ref)
        .filter(ref -> plan.ownership(ref).filter(o -> o.owner() == Ownership.Owner.ADOPTED).isPresent()).toList();
  }
}
