package org.bgwizard.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/failure-catalogue.md is the app's catalogue as a page. After changing a row, write the page again with
 * {@code mvn test -Dtest=CatalogueDocumentTest -Dcatalogue.write=true}.
 */
class CatalogueDocumentTest {
  private static final Path PAGE = Path.of("docs", "failure-catalogue.md");

  @Test
  void thePageInDocs_isTheAppsCatalogue() throws Exception {
    String made = CatalogueDocument.markdown();
    if (Boolean.getBoolean("catalogue.write")) {
      Files.writeString(PAGE, made);
    }
    assertEquals(made, Files.readString(PAGE), "docs/failure-catalogue.md differs from the app's catalogue; write it"
        + " again with -Dcatalogue.write=true");
  }
}
