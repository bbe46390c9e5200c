package org.bgwizard.ui.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bgwizard.setup.Problem;

/**
 * The validation messages of one page, each under the field it belongs to. A page registers the fields it shows
 * (dotted paths as in {@link Problem#field()}); a problem belongs to the most specific registered field that is
 * its path or a parent of it ({@code network.subnets} owns {@code network.subnets[1].id}). Problems of fields
 * the page does not show are another page's business and are ignored. Shown under its field, a message needs
 * no field name, so the validator's leading {@code <field>: } is left out.
 */
public final class FieldProblems {
  private static final String MISSING = "missing";

  private final Locale locale;
  private final String required;
  private final Map<String, ReadOnlyStringWrapper> messages = new LinkedHashMap<>();
  private final ReadOnlyBooleanWrapper none = new ReadOnlyBooleanWrapper(this, "none", true);

  /** {@code required} is what an empty required field says, in the language of {@code locale}. */
  public FieldProblems(Locale locale, String required) {
    this.locale = locale;
    this.required = required;
  }

  /** The messages of {@code field}, one per line, in the current language; empty when it has none. */
  public ReadOnlyStringProperty message(String field) {
    return messages.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(this, f, "")).getReadOnlyProperty();
  }

  /** True when no registered field has a problem. */
  public ReadOnlyBooleanProperty none() {
    return none.getReadOnlyProperty();
  }

  public void show(List<Problem> problems) {
    Map<String, String> byField = problems.stream()
        .flatMap(problem -> owner(problem.field()).stream().map(field -> Map.entry(field, text(problem))))
        .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
            Collectors.mapping(Map.Entry::getValue, Collectors.joining("\n"))));
    messages.forEach((field, message) -> message.set(byField.getOrDefault(field, "")));
    none.set(byField.isEmpty());
  }

  private String text(Problem problem) {
    if (problem.key().equals(MISSING)) {
      return required;
    }
    return problem.messageUnderField(locale);
  }

  private Optional<String> owner(String problemField) {
    return messages.keySet().stream()
        .filter(field -> problemField.equals(field) || problemField.startsWith(field + ".")
            || problemField.startsWith(field + "["))
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }
}
