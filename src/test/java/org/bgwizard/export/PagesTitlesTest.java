package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagesTitlesTest {
  @Test
  void everyPageTheTemplateNames_isATitleTheWizardShows() throws Exception {
    var bundle = ResourceBundle.getBundle("org.bgwizard.ui.strings", Locale.ROOT);
    Set<String> titles = bundle.keySet().stream().filter(k -> k.startsWith("step.") && k.endsWith(".title"))
        .map(bundle::getString).collect(Collectors.toSet());
    for (var field : Arrays.stream(Pages.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList()) {
      field.setAccessible(true);
      String page = (String) field.get(null);
      assertTrue(titles.contains(page), field.getName() + " = " + page + " is no page title of " + titles);
    }
  }
}
