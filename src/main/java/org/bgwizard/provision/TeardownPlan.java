package org.bgwizard.provision;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a teardown will do, to show before it starts.
 *
 * @param items what will be deleted, in order (each after every item that depends on it)
 * @param kept resources the setup uses but did not create: never touched
 * @param unknown resources the journal says this setup created but no step of the plan knows how to delete; the
 *     teardown reports them as failures so that they are not forgotten
 */
public record TeardownPlan(List<Item> items, List<JournalEntry> kept, List<JournalEntry> unknown) {

  /** @param after the deletions that must finish before this one (the resources that depend on it) */
  public record Item(Step step, JournalEntry entry, Set<ResourceRef> after) {
    public Item {
      after = Set.copyOf(after);
    }
  }

  public TeardownPlan {
    items = List.copyOf(items);
    kept = List.copyOf(kept);
    unknown = List.copyOf(unknown);
  }

  public List<ResourceRef> refs() {
    return items.stream().map(i -> i.step().ref()).toList();
  }

  public String describe() {
    var out = new StringBuilder("Teardown: " + items.size() + " to delete\n");
    for (Item item : items) {
      out.append("  - ").append(item.step().ref());
      if (item.entry().state() == JournalEntry.State.INTENT) {
        out.append(" (a create call was made; deleted if it exists)");
      }
      out.append('\n');
    }
    for (JournalEntry e : kept) {
      out.append("  = ").append(e.ref()).append(" (yours: kept)\n");
    }
    if (!unknown.isEmpty()) {
      out.append("  ! No step knows how to delete ").append(unknown.stream().map(e -> e.ref().toString())
          .collect(Collectors.joining(", "))).append(": delete them by hand\n");
    }
    return out.toString();
  }
}
