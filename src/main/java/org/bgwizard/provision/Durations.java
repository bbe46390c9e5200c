package org.bgwizard.provision;

import java.time.Duration;

/** Durations as people read them in progress lines and errors: "2 min 30 s", "10 min", "1.5 s". */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 10 && d.toMillis() % 1000 != 0) {
      return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    long h = seconds / 3600;
    long min = seconds % 3600 / 60;
    long s = seconds % 60;
    var out = new StringBuilder();
    if (h > 0) {
      out.append(h).append(" h ");
    }
    if (min > 0) {
      out.append(min).append(" min ");
    }
    if (s > 0 || out.length() == 0) {
      out.append(s).append(" s");
    }
    return out.toString().strip();
  }
}
