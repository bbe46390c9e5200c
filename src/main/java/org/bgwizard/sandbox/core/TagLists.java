package org.bgwizard.sandbox.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Tags as every service keeps them (a map in its state, in the order they were added) and the TagResource,
 * UntagResource and ListTagsForResource logic the services share; each service keeps its own limits and error texts
 * ({@link Check}). Each service has its own SDK Tag type, hence the key, value and builder functions.
 */
public final class TagLists {
  /** The prefix AWS reserves for its own tag keys ("Tag naming limits and requirements", Tagging AWS Resources). */
  public static final String RESERVED_PREFIX = "aws:";

  private TagLists() {}

  /** A service's checks of a TagResource: throws its own error for tags it refuses. */
  @FunctionalInterface
  public interface Check {
    /** {@code added}: the tags asked for; {@code countAfter}: how many the resource would have with them. */
    void check(Map<String, String> added, int countAfter);
  }

  /** The tags in request order, a later key overwriting an earlier one; none for a missing list. */
  public static <T> Map<String, String> toMap(List<T> tags, Function<T, String> key, Function<T, String> value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(key.apply(t), value.apply(t)));
    }
    return out;
  }

  /** The map as the service's tag list, in its order. */
  public static <T> List<T> fromMap(Map<String, String> tags, BiFunction<String, String, T> tag) {
    return tags.entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
  }

  /**
   * TagResource: {@code check} sees the tags asked for and the count the resource would have (a key it already has
   * takes the new value and counts once), then the tags are added to {@code current}.
   */
  public static void tag(Map<String, String> current, Map<String, String> added, Check check) {
    var keys = new HashSet<>(current.keySet());
    keys.addAll(added.keySet());
    check.check(added, keys.size());
    current.putAll(added);
  }

  /** UntagResource: removes the keys; a key the resource does not have is no error. */
  public static void untag(Map<String, String> current, Collection<String> keys) {
    current.keySet().removeAll(keys);
  }

  /** Whether a key asked for starts with {@link #RESERVED_PREFIX}. */
  public static boolean anyReserved(Map<String, String> tags) {
    return tags.keySet().stream().anyMatch(k -> k.startsWith(RESERVED_PREFIX));
  }
}
