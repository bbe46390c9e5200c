package org.bgwizard.export;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A sentence of the import's explanations (the comments between its commands, what it leaves out and why), kept as a
 * key of the bundle {@code org.bgwizard.export.import} (English and Japanese) with its arguments, so that the window
 * shows it in its language; the files and the command line stay in English. An argument that is itself an
 * {@code ImportText} is rendered in the same language.
 */
public record ImportText(String key, List<Object> args) {
  private static final String BUNDLE = "org.bgwizard.export.import";

  public ImportText {
    args = List.copyOf(args);
  }

  public static ImportText of(String key, Object... args) {
    return new ImportText(key, List.of(args));
  }

  public String in(Locale locale) {
    var bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] shown = args.stream().map(a -> a instanceof ImportText t ? t.in(locale) : a).toArray();
    return new MessageFormat(bundle.getString(key), locale).format(shown);
  }

  /** English, as the files and the command line show it. */
  public String english() {
    return in(Locale.ROOT);
  }

  @Override
  public String toString() {
    return english();
  }
}
