package org.bgwizard.sandbox.core;

import java.time.Instant;

/** Keys for {@link ListPage} when a list is not in ascending name order. */
public final class ListKeys {
  private ListKeys() {}

  /** Sorts like {@code key}, or in reverse when {@code descending} (each char inverted, then a terminator). */
  public static String ordered(String key, boolean descending) {
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
  public static String time(Instant t) {
    return String.format("%020d", t.toEpochMilli());
  }
}
