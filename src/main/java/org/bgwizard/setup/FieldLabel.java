package org.bgwizard.setup;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * A field mentioned in a message, shown by the label the wizard gives it ("Production listener port"); where
 * the dotted path matters too (the CLI, a setup file), with the path after it. Labels come from
 * {@code org.bgwizard.setup.fields}; list items ({@code network.subnets[1].id}) take their number from the index.
 */
public record FieldLabel(String path) implements Problem.Localized {
  private static final Pattern ITEM = Pattern.compile("(.*)\\[(\\d+)\\](.*)");

  /** The label alone, or the path when the field has no label. */
  public String label(Locale locale) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.setup.fields", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    var item = ITEM.matcher(path);
    String key = item.matches() ? item.group(1) + "[]" + item.group(3) : path;
    try {
      String label = bundle.getString(key);
      return item.matches() ? java.text.MessageFormat.format(label, Integer.parseInt(item.group(2)) + 1) : label;
    } catch (MissingResourceException e) {
      return path;
    }
  }

  /** "Label (path)", or the path alone when the field has no label. */
  @Override
  public String in(Locale locale) {
    String label = label(locale);
    return label.equals(path) ? path : label + " (" + path + ")";
  }

  @Override
  public String toString() {
    return in(Locale.ROOT);
  }
}
