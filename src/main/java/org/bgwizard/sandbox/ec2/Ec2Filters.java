package org.bgwizard.sandbox.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bgwizard.sandbox.core.Wildcards;

/**
 * EC2 Describe filters: a resource matches when, for every filter, one of its values for that filter name
 * matches one of the filter's values ({@code *} and {@code ?} wildcards allowed, as EC2 allows them). Tag
 * filters ({@code tag:<key>}, {@code tag-key}, {@code tag-value}) work for every resource type.
 */
final class Ec2Filters {
  /** One filter of a request: a name and the values any of which may match. */
  record Filter(String name, List<String> values) {}

  private Ec2Filters() {}

  /**
   * The items that pass all filters. {@code attributes} maps each filter name the resource type supports to
   * the item's values for it; an unsupported name fails with EC2's error from {@code invalid}.
   */
  static <T> List<T> apply(List<T> items, List<Filter> filters, Map<String, Function<T, List<String>>> attributes,
      Function<T, Map<String, String>> tagsOf, Function<String, RuntimeException> invalid) {
    for (Filter f : filters) {
      if (!attributes.containsKey(f.name()) && !isTagFilter(f.name())) {
        throw invalid.apply(f.name());
      }
    }
    List<T> out = new ArrayList<>();
    for (T item : items) {
      boolean all = true;
      for (Filter f : filters) {
        List<String> actual = isTagFilter(f.name()) ? tagValues(f.name(), tagsOf.apply(item))
            : attributes.get(f.name()).apply(item);
        if (actual.stream().noneMatch(a -> f.values().stream().anyMatch(v -> Wildcards.matches(v, a, false)))) {
          all = false;
          break;
        }
      }
      if (all) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean isTagFilter(String name) {
    return name.startsWith("tag:") || name.equals("tag-key") || name.equals("tag-value");
  }

  private static List<String> tagValues(String name, Map<String, String> tags) {
    if (name.equals("tag-key")) {
      return List.copyOf(tags.keySet());
    }
    if (name.equals("tag-value")) {
      return List.copyOf(tags.values());
    }
    String v = tags.get(name.substring("tag:".length()));
    return v == null ? List.of() : List.of(v);
  }
}
