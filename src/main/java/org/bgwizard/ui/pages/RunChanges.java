package org.bgwizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bgwizard.provision.StepEvent;
import org.bgwizard.provision.StepState;
import org.bgwizard.ui.common.Messages;

/**
 * What a Create run changed in resources that already existed (updated, replaced, recreated, adopted), from the
 * lines the provisioner gives finished steps, for the Done page. Steps created for the first time are not listed.
 */
final class RunChanges {
  private static final List<String> KINDS = List.of("updated", "replaced", "recreated", "adopted");
  private final List<String> lines = new ArrayList<>();

  synchronized void clear() {
    lines.clear();
  }

  /** Keeps the step's line when it is done and says it changed an existing resource. */
  synchronized void note(String resource, StepEvent event, Messages messages) {
    String message = event.text();
    if (event.state() != StepState.DONE || event.kind() != StepEvent.Kind.DONE || message == null) {
      return;
    }
    for (String kind : KINDS) {
      if (message.startsWith(kind)) {
        String detail = message.substring(kind.length()).replaceFirst("^:?\\s*", "");
        lines.add(messages.format("done.change." + kind.toLowerCase(Locale.ROOT), resource, detail));
        return;
      }
    }
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
