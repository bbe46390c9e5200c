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
public record TeardownPlan(List<Item> items, List<JournalEntry> kept, List<JournalEntry> unknown,
    List<Spared> spared) {

  /**
   * A resource of the setup this teardown leaves, because what stays still uses it (another environment's shared
   * resource when one environment is torn down).
   *
   * @param why in words, e.g. "qa, prod still use it"
   */
  public record Spared(ResourceRef ref, String why) {}

  public TeardownPlan(List<Item> items, List<JournalEntry> kept, List<JournalEntry> unknown) {
    this(items, kept, unknown, List.of());
  }

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
    spared = spared == null ? List.of() : List.copyOf(spared);
  }

  /**
   * This teardown narrowed to the items {@code deleted} accepts: the others are spared, each with {@code why} (those
   * it gives no reason for are left unsaid), and no item waits for one that is not deleted. Resources no step knows are left to the teardown of everything.
   */
  public TeardownPlan only(java.util.function.Predicate<ResourceRef> deleted,
      java.util.function.Function<ResourceRef, String> why) {
    var kept = new java.util.ArrayList<Item>();
    var left = new java.util.ArrayList<Spared>();
    for (Item item : items) {
      if (deleted.test(item.step().ref())) {
        kept.add(item);
      } else if (why.apply(item.step().ref()) != null) {
        left.add(new Spared(item.step().ref(), why.apply(item.step().ref())));
      }
    }
    Set<ResourceRef> going = kept.stream().map(i -> i.step().ref()).collect(Collectors.toSet());
    var narrowed = kept.stream().map(i -> new Item(i.step(), i.entry(), i.after().stream().filter(going::contains)
        .collect(Collectors.toSet()))).toList();
    return new TeardownPlan(narrowed, this.kept, List.of(), left);
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
    for (Spared s : spared) {
      out.append("  = ").append(s.ref()).append(" (").append(s.why()).append(": kept)\n");
    }
    if (!unknown.isEmpty()) {
      out.append("  ! No step knows how to delete ").append(unknown.stream().map(e -> e.ref().toString())
          .collect(Collectors.joining(", "))).append(": delete them by hand\n");
    }
    return out.toString();
  }
}
