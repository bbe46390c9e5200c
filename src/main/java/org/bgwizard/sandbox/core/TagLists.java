package org.bgwizard.sandbox.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A service's SDK tag list as the map its state keeps, and back; each service has its own Tag type. */
public final class TagLists {
  private TagLists() {}

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
}
