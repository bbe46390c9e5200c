package org.bgwizard.ui.common;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** How the window looks: its language and theme, changeable while it is open. */
public final class ViewSettings {
  private final ObjectProperty<Locale> locale;
  private final ObjectProperty<Theme> theme;

  public ViewSettings(Locale locale, Theme theme) {
    this.locale = new SimpleObjectProperty<>(this, "locale", locale);
    this.theme = new SimpleObjectProperty<>(this, "theme", theme);
  }

  public ObjectProperty<Locale> locale() {
    return locale;
  }

  public ObjectProperty<Theme> theme() {
    return theme;
  }
}
