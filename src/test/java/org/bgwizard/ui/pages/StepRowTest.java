package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** Every kind of resource a run can show has a name on the Create page, in English and Japanese. */
class StepRowTest {
  @Test
  void everyResourceKind_hasALabel_inEnglishAndJapanese() {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
      Messages messages = Messages.of(locale);
      for (ResourceKind kind : ResourceKind.values()) {
        String label = StepRow.resourceLabel(new ResourceRef(kind.id(), "shop"), messages);
        assertFalse(label.startsWith(" ") || label.contains("resource."), kind + " in " + locale + ": " + label);
      }
    }
  }
}
