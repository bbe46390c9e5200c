package org.bgwizard.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects problems while the validator walks a spec; every check records and carries on. */
final class Findings {
  private final List<Problem> problems = new ArrayList<>();

  void add(String field, Object value, String key, Object... more) {
    problems.add(Problem.of(field, value, key, more));
  }

  /** Records a "missing" problem when {@code value} is null or blank text; true when it is present. */
  boolean present(String field, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      add(field, value, "missing");
      return false;
    }
    return true;
  }

  /** A required name: missing, or breaking {@code rule} (the message gets what is wrong as {2}). */
  void name(String field, String value, NameRule rule, String key) {
    if (present(field, value) && !rule.accepts(value)) {
      add(field, value, key, rule.faults(value));
    }
  }

  /** An optional name: checked only when given (null = not given). */
  void optionalName(String field, String value, NameRule rule, String key) {
    if (value != null) {
      name(field, value, rule, key);
    }
  }

  void range(String field, int value, int min, int max, String key) {
    if (value < min || value > max) {
      add(field, value, key);
    }
  }

  void require(boolean ok, String field, Object value, String key, Object... more) {
    if (!ok) {
      add(field, value, key, more);
    }
  }

  /** A list of accepted values for a message: "a, b, c". */
  static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  List<Problem> list() {
    return List.copyOf(problems);
  }
}
