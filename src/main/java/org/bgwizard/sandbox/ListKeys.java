package org.bgwizard.sandbox;

import java.time.Instant;

/** Keys for {@link ListPage} when a list is not in ascending name order. */
final class ListKeys {
  private ListKeys() {}

  /** Sorts like {@code key}, or in reverse when {@code descending} (each char inverted, then a terminator). */
  static String ordered(String key, boolean descending) {
    if (!descending) {
      return key;
    }
    StringBuilder sb = new StringBuilder(key.length() + 1);
    for (int i = 0; i < key.length(); i++) {
      sb.append((char) (0xFFFE - key.charAt(i)));
    }
    return sb.append('\uFFFF').toString();
  }

  /** An instant as a fixed-width string that sorts in time order. */
  static String time(Instant t) {
    return String.format("%020d", t.toEpochMilli());
  }
}
