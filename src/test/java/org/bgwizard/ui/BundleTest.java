package org.bgwizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.setup.AwsChoices;
import org.bgwizard.ui.wizard.Step;
import org.junit.jupiter.api.Test;

class BundleTest {
  private static final Pattern FXML_KEY = Pattern.compile("\"%([\\w.]+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

  private final Map<String, String> english = load("strings.properties");
  private final Map<String, String> japanese = load("strings_ja.properties");

  @Test
  void everyEnglishKey_hasAJapaneseText_andTheReverse() {
    assertEquals(Set.of(), difference(english.keySet(), japanese.keySet()), "missing in strings_ja.properties");
    assertEquals(Set.of(), difference(japanese.keySet(), english.keySet()), "missing in strings.properties");
  }

  @Test
  void everyKeyUsedInFxml_existsInTheBundle() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("fxml"))) {
      for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
        FXML_KEY.matcher(Files.readString(fxml)).results().forEach(m -> used.add(m.group(1)));
      }
    }
    assertTrue(used.size() > 10, "found the fxml keys: " + used);
    assertEquals(Set.of(), difference(used, english.keySet()));
  }

  @Test
  void everyStep_hasItsTitleExplanationAndConsoleScreen() {
    for (Step step : Step.values()) {
      for (String key : new String[] {step.titleKey(), step.aboutKey(), step.consoleKey()}) {
        assertTrue(english.containsKey(key), key);
      }
    }
  }

  @Test
  void everyPredefinedDeploymentConfiguration_isExplained() {
    for (String config : AwsChoices.ECS_DEPLOYMENT_CONFIGS) {
      String key = "codedeploy.config." + config.substring(AwsChoices.PREDEFINED_CONFIG_PREFIX.length());
      assertTrue(english.containsKey(key), key);
    }
  }

  @Test
  void everyRole_hasItsHeadingPurposeAndFieldLabels() {
    for (ServiceRole role : ServiceRole.values()) {
      for (String part : new String[] {"heading", "purpose", "name", "arn"}) {
        assertTrue(english.containsKey("roles." + role.slug() + "." + part), role + " " + part);
      }
    }
  }

  @Test
  void japanese_namesTheSimulatedAccountOneWay() {
    japanese.forEach((key, text) -> assertFalse(text.contains("シミュレートされたアカウント")
        || text.contains("シミュレーションアカウント"), key + ": use シミュレーション アカウント"));
  }

  @Test
  void japaneseMnemonics_underlineTheLastCharacter_insteadOfRepeatingIt() {
    // "ターゲットグループ 1(_1)" would read "ターゲットグループ 1(1)"
    var repeated = java.util.regex.Pattern.compile("(\\S)\\(_\\1\\)");
    japanese.forEach((key, text) -> assertFalse(repeated.matcher(text).find(), key + ": " + text));
  }

  @Test
  void translations_useTheSamePlaceholders() {
    english.forEach((key, text) -> assertEquals(placeholders(text), placeholders(japanese.getOrDefault(key, text)), key));
  }

  @Test
  void noText_hasAnAsciiApostrophe_whichMessageFormatWouldDrop() {
    english.forEach((key, text) -> assertTrue(text.indexOf('\'') < 0, key));
    japanese.forEach((key, text) -> assertTrue(text.indexOf('\'') < 0, key));
  }

  private static Set<Integer> placeholders(String text) {
    return PLACEHOLDER.matcher(text).results().map(m -> Integer.valueOf(m.group(1))).collect(Collectors.toSet());
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    var rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static Map<String, String> load(String name) {
    var properties = new Properties();
    try (InputStream in = BundleTest.class.getResourceAsStream("/org/bgwizard/ui/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var map = new TreeMap<String, String>();
    properties.forEach((k, v) -> map.put((String) k, (String) v));
    return map;
  }
}
