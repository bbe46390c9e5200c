package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PreflightBundleTest {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static Set<String> keys(Locale locale) {
    return new TreeSet<>(ResourceBundle.getBundle("org.bgwizard.artifacts.preflight", locale, NO_FALLBACK)
        .keySet());
  }

  @Test
  void englishAndJapanese_haveTheSameKeys_andEveryMessageHasAFix() {
    Set<String> english = keys(Locale.ROOT);
    assertEquals(english, keys(Locale.JAPANESE));
    english.stream().filter(k -> !k.endsWith(".fix")).forEach(k -> assertTrue(english.contains(k + ".fix"), k));
    english.stream().filter(k -> k.endsWith(".fix"))
        .forEach(k -> assertTrue(english.contains(k.substring(0, k.length() - 4)), k));
  }

  @Test
  void everyMessageFormats_inBothLanguages_withoutLeftoverPlaceholdersOrQuotes() {
    for (String key : keys(Locale.ROOT)) {
      if (key.endsWith(".fix")) {
        continue;
      }
      var f = new Finding(Severity.ERROR, "f", 1, 0, key, List.of("A", "B", "C"));
      for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
        for (String text : List.of(f.message(locale), f.fix(locale))) {
          assertFalse(text.matches(".*\\{\\d}.*"), key + ": " + text);
          assertFalse(text.contains("''"), key + ": " + text);
        }
      }
    }
  }

  @Test
  void jsonExamples_keepTheirBracesAndQuotes() {
    var f = new Finding(Severity.ERROR, "buildspec.yml", null, 1, "buildspec.imageDetailNotWritten", List.of());
    assertTrue(f.fix().contains("printf '{\"ImageURI\":\"%s\"}' <full ECR URI> > imageDetail.json"), f.fix());
    assertTrue(f.fix(Locale.JAPANESE).contains("printf '{\"ImageURI\":\"%s\"}'"), f.fix(Locale.JAPANESE));
  }

  @Test
  void toString_saysFileLineSeverityMessageAndRow() {
    var f = new Finding(Severity.WARNING, "Dockerfile", 1, 21, "dockerfile.dockerHubBase", List.of("node:14"));
    assertEquals("Dockerfile:1: WARNING The base image node:14 comes from Docker Hub; anonymous pulls from CodeBuild "
        + "hit its rate limit. (catalogue row 21)", f.toString());
  }
}
