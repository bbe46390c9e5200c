package org.bgwizard.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One row of the failure catalogue: where the text shows up, the stable fragments that identify it, and (from
 * the bundle {@code org.bgwizard.catalogue.catalogue}, English and Japanese) why it happens and what fixes it.
 *
 * @param fragments texts to look for, case-insensitive; {@code …} stands for anything in between
 */
public record CatalogueEntry(int row, String where, List<String> fragments) {

  static final String ANYTHING = "…";

  public CatalogueEntry {
    fragments = List.copyOf(fragments);
  }

  public String cause(Locale locale) {
    return text(locale, "cause");
  }

  public String fix(Locale locale) {
    return text(locale, "fix");
  }

  /** How specifically {@code text} matches: the characters of the best matching fragment, 0 when none does. */
  int score(String normalizedText) {
    int best = 0;
    for (String fragment : fragments) {
      best = Math.max(best, scoreOf(normalize(fragment), normalizedText));
    }
    return best;
  }

  static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static int scoreOf(String fragment, String text) {
    int from = 0;
    int matched = 0;
    for (String piece : fragment.split(ANYTHING)) {
      String p = piece.strip();
      if (p.isEmpty()) {
        continue;
      }
      int at = text.indexOf(p, from);
      if (at < 0) {
        return 0;
      }
      from = at + p.length();
      matched += p.length();
    }
    return matched;
  }

  private String text(Locale locale, String part) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.catalogue.catalogue", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return bundle.getString("row." + row + "." + part);
  }
}
