package org.bgwizard.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a list operation. The token is opaque (base64 of the last key returned) and resumes after the
 * item with that key; if that item is gone, after the keys that sort before it (lists in ascending key order),
 * so deleting items between pages neither skips nor repeats the others.
 */
public record ListPage<T>(List<T> items, String nextToken) {

  /**
   * Pages {@code sorted} from after {@code token}; {@code badToken} is the service's error for a token it did
   * not issue.
   */
  public static <T> ListPage<T> of(List<T> sorted, Function<T, String> key, String token, int max,
      Supplier<RuntimeException> badToken) {
    if (max < 1) {
      throw new IllegalArgumentException("a page holds at least one item, max was " + max);
    }
    int start = 0;
    if (token != null && !token.isEmpty()) {
      String after = decode(token, badToken);
      start = -1;
      for (int i = 0; i < sorted.size() && start < 0; i++) {
        if (key.apply(sorted.get(i)).equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        start = 0;
        while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
          start++;
        }
      }
    }
    int end = (int) Math.min(sorted.size(), (long) start + max);
    List<T> items = List.copyOf(sorted.subList(start, end));
    String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
    return new ListPage<>(items, next);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("k1:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, Supplier<RuntimeException> badToken) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("k1:")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the service's error
    }
    throw badToken.get();
  }
}
