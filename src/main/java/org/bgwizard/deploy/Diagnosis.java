package org.bgwizard.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bgwizard.catalogue.Catalogue;

/** What the failure catalogue says about an error text: its row, why it happens, what fixes it. */
public record Diagnosis(int row, String cause, String fix) {
  public static Optional<Diagnosis> of(String text, Locale locale) {
    return Catalogue.match(text).map(e -> new Diagnosis(e.row(), e.cause(locale), e.fix(locale)));
  }

  /**
   * What the catalogue says of a failed build's log: the first line it has a row for. The first error is the cause;
   * the phases after a failed BUILD still run (CodeBuild user guide, "Build phase transitions") and fail in turn for
   * want of its image (no image to push, no imageDetail.json to upload).
   */
  public static Optional<Diagnosis> ofLog(List<String> lines, Locale locale) {
    return lines.stream().map(line -> of(line, locale)).flatMap(Optional::stream).findFirst();
  }
}
