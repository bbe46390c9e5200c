package org.bgwizard.ui.pages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.stage.Window;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.util.AtomicFiles;

/**
 * "Export as CloudFormation…" of the Review and Done pages: the setup's template ({@link SetupTemplate}) to a file
 * the user picks in a chooser owned by the window. A setup with problems is refused, each field named.
 */
final class CloudFormationSave {
  private CloudFormationSave() {}

  /** The file written, or empty when refused, cancelled or failed (the user was told). */
  static Optional<Path> save(SetupSpec spec, Window owner, Dialogs dialogs, Messages messages) {
    String title = messages.get("cloudformation.export.title");
    var problems = SpecValidator.validate(spec);
    if (!problems.isEmpty()) {
      dialogs.error(owner, title, messages.get("cloudformation.export.invalid"), problems.stream()
          .map(p -> p.message(messages.locale())).collect(Collectors.joining("\n")));
      return Optional.empty();
    }
    Optional<Path> file = dialogs.chooseFileToSave(owner, new Dialogs.FileRequest(title,
        messages.get("cloudformation.export.filter"), "*.yaml", spec.name() + "-template.yaml"));
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      AtomicFiles.write(file.get(), SetupTemplate.yaml(spec));
    } catch (IOException e) {
      dialogs.error(owner, title, messages.get("cloudformation.export.failed"), String.valueOf(e.getMessage()));
      return Optional.empty();
    }
    dialogs.info(owner, title, messages.format("cloudformation.export.done", file.get()),
        messages.format("cloudformation.export.next", file.get().getFileName(), spec.name()));
    return file;
  }
}
