package org.bgwizard.deploy;

import java.util.Locale;
import java.util.Optional;
import org.bgwizard.catalogue.Catalogue;

/** What the failure catalogue says about an error text: its row, why it happens, what fixes it. */
public record Diagnosis(int row, String cause, String fix) {
  public static Optional<Diagnosis> of(String text, Locale locale) {
    return Catalogue.match(text).map(e -> new Diagnosis(e.row(), e.cause(locale), e.fix(locale)));
  }
}
