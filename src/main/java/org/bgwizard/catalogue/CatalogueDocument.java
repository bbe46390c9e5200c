package org.bgwizard.catalogue;

import java.util.Locale;

/**
 * The failure catalogue as the Markdown page users read ({@code docs/failure-catalogue.md}), made from the same rows
 * and texts the app matches and explains with, so the page and the app cannot disagree.
 */
public final class CatalogueDocument {
  private CatalogueDocument() {}

  public static String markdown() {
    var b = new StringBuilder();
    b.append("# Failure catalogue: what goes wrong in this setup\n\n")
        .append("Each row: where the text shows up, the fragments of it the app recognises (`…` stands for anything in")
        .append(" between), why it happens and what fixes it. The wizard prevents the cause before it creates")
        .append(" anything where it can (validation and preflight), and shows the row's cause and fix wherever it meets")
        .append(" the text anyway: a failed step, a deployment error, a stopped task, a build log. This page is made")
        .append(" from the app's own catalogue (`CatalogueDocumentTest` keeps it so).\n\n")
        .append("| # | Where | Text (fragment) | Cause | Fix |\n|---|---|---|---|---|\n");
    for (CatalogueEntry e : Catalogue.all()) {
      b.append("| ").append(e.row()).append(" | ").append(cell(e.where())).append(" | ")
          .append(String.join("<br>", e.fragments().stream().map(f -> "`" + cell(f) + "`").toList())).append(" | ")
          .append(cell(e.cause(Locale.ROOT))).append(" | ").append(cell(e.fix(Locale.ROOT))).append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
