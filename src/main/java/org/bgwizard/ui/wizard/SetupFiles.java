package org.bgwizard.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.Window;
import org.bgwizard.setup.SpecFormatException;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Dialogs.FileRequest;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.pages.SetupLoader;
import org.bgwizard.ui.services.RecentSetups;

/** Opening and saving setup files (File menu and Start page); each file used joins the recent setups. */
public final class SetupFiles implements SetupLoader {
  private final WizardModel model;
  private final Dialogs dialogs;
  private final Messages messages;
  private final RecentSetups recent;

  public SetupFiles(WizardModel model, Dialogs dialogs, Messages messages, RecentSetups recent) {
    this.model = model;
    this.dialogs = dialogs;
    this.messages = messages;
    this.recent = recent;
  }

  /** File › New setup: after asking when the setup has unsaved choices; true when the wizard started over. */
  public boolean startOver(Window owner) {
    if (model.unsaved() && !dialogs.confirm(owner, new Dialogs.Question(messages.get("new.title"),
        messages.format("new.header", model.spec().get().name()), messages.get("cancel.details"),
        messages.get("new.confirm"), messages.get("cancel.decline")))) {
      return false;
    }
    model.startOver();
    return true;
  }

  @Override
  public boolean open(Window owner) {
    return dialogs.chooseFileToOpen(owner, fileRequest("open.title", null)).map(file -> load(file, owner))
        .orElse(false);
  }

  @Override
  public boolean load(Path file, Window owner) {
    try {
      model.spec().set(SpecJson.load(file));
      model.markSaved();
      recent.add(file);
      return true;
    } catch (IOException | SpecFormatException e) {
      dialogs.error(owner, messages.get("open.error.title"), messages.get("open.error.header"),
          messages.format("open.error.details", file, describe(e)));
      return false;
    }
  }

  public void saveAs(Window owner) {
    var spec = model.spec().get();
    dialogs.chooseFileToSave(owner, fileRequest("save.title", spec.name() + ".json")).ifPresent(file -> {
      try {
        SpecJson.save(spec, file);
        model.markSaved();
        recent.add(file);
      } catch (IOException e) {
        dialogs.error(owner, messages.get("save.error.title"), messages.get("save.error.header"),
            messages.format("save.error.details", file, describe(e)));
      }
    });
  }

  private FileRequest fileRequest(String titleKey, String initialName) {
    return new FileRequest(messages.get(titleKey), messages.get("file.filter"), "*.json", initialName);
  }

  /** Setup file errors already say where and what; for I/O errors the exception's kind says what happened. */
  private static String describe(Exception e) {
    if (e instanceof SpecFormatException) {
      return e.getMessage();
    }
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }
}
