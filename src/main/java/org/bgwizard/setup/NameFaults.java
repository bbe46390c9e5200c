package org.bgwizard.setup;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What is wrong with a name, as a phrase in the user's language ("has upper-case letters (M, A) and a space").
 * Phrases come from {@code org.bgwizard.setup.faults}; in a list, every fault but the last takes its
 * {@code .mid} form, so that Japanese can chain clauses.
 */
record NameFaults(List<Fault> faults) implements Problem.Localized {

  /** One fault: its kind (a phrase key), the characters it concerns, and a count. */
  record Fault(String kind, String chars, long count) {}

  @Override
  public String in(Locale locale) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.setup.faults", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    var out = new StringBuilder();
    for (int i = 0; i < faults.size(); i++) {
      Fault fault = faults.get(i);
      boolean lastOne = i == faults.size() - 1;
      if (i > 0) {
        out.append(bundle.getString(lastOne ? "join.last" : "join.mid"));
      }
      String key = "fault." + fault.kind() + (lastOne ? "" : ".mid");
      out.append(new MessageFormat(bundle.getString(key), locale).format(new Object[] {fault.chars(), fault.count()}));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return in(Locale.ROOT);
  }
}
