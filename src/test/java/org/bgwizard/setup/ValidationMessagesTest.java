package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationMessagesTest {
  private static final Pattern UNFILLED = Pattern.compile("\\{\\d");

  static Stream<BrokenSpecs.Broken> brokenSpecs() {
    return BrokenSpecs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void everyProblem_rendersInEnglishAndJapanese_namingFieldAndValue(BrokenSpecs.Broken broken) {
    for (Problem problem : SpecValidator.validate(broken.spec())) {
      String english = problem.message(Locale.ENGLISH);
      String japanese = problem.message(Locale.JAPANESE);
      String value = problem.value() == null ? "" : String.valueOf(problem.value());
      for (String message : new String[] {english, japanese}) {
        assertTrue(message.contains(problem.field()), message);
        assertTrue(message.contains(value.strip()), message);
        assertFalse(UNFILLED.matcher(message.replace(value, "")).find(), message);
      }
      assertNotEquals(english, japanese);
      assertEquals(english, problem.message());
    }
  }

  @Test
  void everyMessageKey_isProducedBySomeBrokenSpec() throws IOException {
    Set<String> produced = BrokenSpecs.all().flatMap(b -> SpecValidator.validate(b.spec()).stream())
        .map(Problem::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(keys("messages.properties"), produced);
  }

  @Test
  void englishAndJapaneseBundles_haveTheSameKeys() throws IOException {
    assertEquals(keys("messages.properties"), keys("messages_ja.properties"));
  }

  @Test
  void japaneseBundle_isReallyJapanese() throws IOException {
    var ja = load("messages_ja.properties");
    for (String key : ja.stringPropertyNames()) {
      assertTrue(ja.getProperty(key).codePoints()
          .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA), key);
    }
  }

  private static Set<String> keys(String file) throws IOException {
    return new TreeSet<>(load(file).stringPropertyNames());
  }

  private static Properties load(String file) throws IOException {
    var properties = new Properties();
    try (var in = ValidationMessagesTest.class.getResourceAsStream(file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
