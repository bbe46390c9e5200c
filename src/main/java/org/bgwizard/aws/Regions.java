package org.bgwizard.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;

/**
 * The regions this SDK version knows ({@link Region#regions()} less the global pseudo-regions such as
 * {@code aws-global}). {@code Region.of} accepts any string, so an unknown name would only fail later as an
 * unreachable host; checking first lets the message name the nearest real regions instead.
 */
final class Regions {
  private static final List<String> KNOWN = Region.regions().stream()
      .filter(r -> !r.isGlobalRegion())
      .map(Region::id)
      .sorted()
      .toList();

  private Regions() {}

  static List<String> known() {
    return KNOWN;
  }

  static boolean isKnown(String id) {
    return KNOWN.contains(id);
  }

  /** The {@code n} known regions closest to {@code id} by edit distance, nearest first. */
  static List<String> nearest(String id, int n) {
    String wanted = id.toLowerCase(Locale.ROOT).trim();
    return KNOWN.stream()
        .sorted(Comparator.comparingInt((String known) -> distance(wanted, known)).thenComparing(known -> known))
        .limit(n)
        .toList();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
