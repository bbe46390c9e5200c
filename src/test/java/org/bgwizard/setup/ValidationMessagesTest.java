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

  private static Problem only(String field, Object value) {
    var problems = SpecValidator.validate(SpecEdits.edit(BrokenSpecs.BASE, field, value));
    assertEquals(1, problems.size(), problems::toString);
    return problems.get(0);
  }

  @Test
  void setupNameWithCapitalsAndASpace_leadsWithWhatIsWrong_notTheLength() {
    Problem problem = only("name", "My App");
    assertEquals("Setup name (name): 'My App' has upper-case letters (M, A) and a space; a setup name has 2 to 24"
        + " lowercase letters, digits and hyphens, starts with a letter and does not end with a hyphen (it becomes"
        + " part of other names, and S3 and ECR need lowercase).", problem.message(Locale.ENGLISH));
    assertTrue(problem.messageUnderField(Locale.ENGLISH).startsWith("'My App' has upper-case letters (M, A) and a"
        + " space; "), problem.messageUnderField(Locale.ENGLISH));
    assertTrue(problem.messageUnderField(Locale.JAPANESE).startsWith("「My App」は英大文字（M, A）を含み、空白を含んで"
        + "います。"), problem.messageUnderField(Locale.JAPANESE));
    assertFalse(only("name", "MyApp").message(Locale.ENGLISH).contains("characters long"));
  }

  @Test
  void nameMessages_mentionTheLengthOnlyWhenTheLengthIsWrong() {
    assertTrue(only("name", "a".repeat(25)).messageUnderField(Locale.ENGLISH)
        .startsWith("'" + "a".repeat(25) + "' is 25 characters long; "));
    assertTrue(only("name", "demo-").messageUnderField(Locale.ENGLISH).startsWith("'demo-' ends with '-'; "));
    assertTrue(only("name", "1demo").messageUnderField(Locale.ENGLISH).startsWith("'1demo' starts with '1'; "));
    assertTrue(only("loadBalancer.name", "demo_alb").messageUnderField(Locale.ENGLISH)
        .startsWith("'demo_alb' has a character it cannot have (_); "));
    assertTrue(only("repository.name", "demo..x").messageUnderField(Locale.ENGLISH)
        .startsWith("'demo..x' is not in the accepted form; "));
  }

  @Test
  void samePort_namesTheOtherFieldByItsLabel_withItsPathInTheFullMessage() {
    Problem problem = only("loadBalancer.testPort", 80);
    assertEquals("80 is also the port in Production listener port; the production and test listeners need"
        + " different ports.", problem.messageUnderField(Locale.ENGLISH));
    assertEquals("Test listener port (loadBalancer.testPort): 80 is also the port in Production listener port"
        + " (loadBalancer.productionPort); the production and test listeners need different ports.",
        problem.message(Locale.ENGLISH));
    assertTrue(problem.messageUnderField(Locale.JAPANESE).contains("本番リスナーのポート と同じポートです"),
        problem.messageUnderField(Locale.JAPANESE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void everyOtherFieldAMessageMentions_hasALabelInBothLanguages(BrokenSpecs.Broken broken) {
    for (Problem problem : SpecValidator.validate(broken.spec())) {
      for (Object arg : problem.args()) {
        if (arg instanceof FieldLabel field) {
          assertNotEquals(field.path(), field.label(Locale.ENGLISH), field.path());
          assertNotEquals(field.path(), field.label(Locale.JAPANESE), field.path());
          assertFalse(problem.messageUnderField(Locale.ENGLISH).contains(field.path()), problem::message);
        }
      }
    }
  }

  @Test
  void everyMessageKey_isProducedBySomeBrokenSpec() throws IOException {
    Set<String> produced = Stream.concat(
            BrokenSpecs.all().flatMap(b -> SpecValidator.validate(b.spec()).stream()),
            SpecValidator.warnings(EcsNativeRulesTest.outlastingTheAction()).stream())
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
