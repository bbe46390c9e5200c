package org.bgwizard.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI strings of one language: plain texts by key, and MessageFormat patterns filled with arguments. */
public final class Messages {
  public static final String BUNDLE = "org.bgwizard.ui.strings";

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    // No fallback: asking for English on a Japanese OS must not return the Japanese bundle.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages of(Locale locale) {
    return new Messages(locale);
  }

  /** Japanese when the operating system's language is Japanese, English otherwise. */
  public static Locale defaultLocale() {
    return Locale.getDefault().getLanguage().equals(Locale.JAPANESE.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
  }

  public Locale locale() {
    return locale;
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  public String get(String key) {
    return bundle.getString(key);
  }

  /** Fills the pattern {@code key}; patterns write numbers that are names (ports) as {@code {0,number,#}}. */
  public String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
