package org.bgwizard.setup;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One thing wrong with a setup: the field (a dotted path such as {@code loadBalancer.targetGroup1}), the
 * value found, and a message that says what would be accepted. Messages come from the bundle
 * {@code org.bgwizard.setup.messages} (English and Japanese) by {@code key}; {@code args} fill its
 * placeholders ({0} is always the field, {1} the value).
 */
public record Problem(String field, Object value, String key, List<Object> args) {

  public Problem {
    args = List.copyOf(args);
  }

  public static Problem of(String field, Object value, String key, Object... more) {
    var all = new java.util.ArrayList<Object>();
    all.add(field);
    all.add(value == null ? "(empty)" : String.valueOf(value));
    all.addAll(List.of(more));
    return new Problem(field, value, key, all);
  }

  public String message(Locale locale) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.setup.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args.toArray());
  }

  public String message() {
    return message(Locale.ROOT);
  }

  @Override
  public String toString() {
    return message();
  }
}
