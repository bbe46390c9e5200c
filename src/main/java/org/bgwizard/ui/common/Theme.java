package org.bgwizard.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;

/** The two AtlantaFX themes the View menu offers, in their binary form (no CSS parsing on the start path). */
public enum Theme {
  LIGHT(() -> new PrimerLight().getUserAgentStylesheetBSS()),
  DARK(() -> new PrimerDark().getUserAgentStylesheetBSS());

  private final Supplier<String> stylesheet;

  Theme(Supplier<String> stylesheet) {
    this.stylesheet = stylesheet;
  }

  public String stylesheet() {
    return stylesheet.get();
  }

  /** Themes every window of the application at once. */
  public void apply() {
    Application.setUserAgentStylesheet(stylesheet());
  }
}
