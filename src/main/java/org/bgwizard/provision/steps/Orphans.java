package org.bgwizard.provision.steps;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.ResourceRef;

/**
 * Resources carrying a setup's tag that its journal does not know: left by a run whose journal was lost, or a
 * second copy made outside it. Teardown cannot delete them; the user decides.
 */
final class Orphans {
  private Orphans() {}

  /** The kinds of resource {@code plan} has: the only services worth searching for its orphans. */
  static Set<ResourceKind> kindsOf(SetupPlan plan) {
    var kinds = EnumSet.noneOf(ResourceKind.class);
    for (ResourceKind kind : ResourceKind.values()) {
      if (plan.awsSteps().stream().anyMatch(s -> s.ref().kind().equals(kind.id()))) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  static List<TaggedResource> among(List<TaggedResource> tagged, Journal journal) {
    return tagged.stream().filter(r -> !known(r, journal)).toList();
  }

  /**
   * Known: the journal has a live entry of that kind and name whose recorded ARN (if any) is this one. A task
   * definition is known by its family: the pipeline adds revisions the journal never sees.
   */
  private static boolean known(TaggedResource r, Journal journal) {
    Optional<JournalEntry> entry = journal.entry(new ResourceRef(r.kind().id(), r.name()));
    if (entry.isEmpty() || entry.get().state() == JournalEntry.State.DELETED) {
      return false;
    }
    Optional<String> recorded = entry.get().output("arn").or(() -> entry.get().output("id"));
    return r.kind() == ResourceKind.TASK_DEFINITION || recorded.isEmpty() || recorded.get().equals(r.arn()) || r.arn().endsWith(recorded.get());
  }
}
