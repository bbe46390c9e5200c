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

  /** An argument that renders itself in the user's language: a field's label, what is wrong with a name. */
  public interface Localized {
    String in(Locale locale);
  }

  /** The whole message, for a list of problems (the CLI): fields by label with their dotted path. */
  public String message(Locale locale) {
    var shown = args.stream().map(a -> a instanceof Localized l ? l.in(locale) : a).toArray();
    shown[0] = new FieldLabel(field).in(locale);
    return format(locale, shown);
  }

  /**
   * The message as shown under its own field, which needs no naming: without the leading field, and other
   * fields by their label alone.
   */
  public String messageUnderField(Locale locale) {
    var shown = args.stream().map(a -> a instanceof FieldLabel f ? f.label(locale)
        : a instanceof Localized l ? l.in(locale) : a).toArray();
    String label = new FieldLabel(field).label(locale);
    shown[0] = label;
    String message = format(locale, shown);
    String prefix = label + ": ";
    if (!message.startsWith(prefix) || message.length() == prefix.length()) {
      return message;
    }
    String rest = message.substring(prefix.length());
    return rest.substring(0, 1).toUpperCase(locale) + rest.substring(1);
  }

  private String format(Locale locale, Object[] shown) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.setup.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(shown);
  }

  public String message() {
    return message(Locale.ROOT);
  }

  @Override
  public String toString() {
    return message();
  }
}
