package org.bgwizard.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.FakeDialogs;

/** {@link FakeDialogs} that also remember the information they showed. */
final class RecordingDialogs implements Dialogs {
  final FakeDialogs fake = new FakeDialogs();
  /** Title, header and details of each information shown. */
  final List<List<String>> infos = new ArrayList<>();

  RecordingDialogs() {
    fake.confirmAnswer = true;
  }

  @Override
  public boolean confirm(Window owner, Question question) {
    return fake.confirm(owner, question);
  }

  @Override
  public void error(Window owner, String title, String header, String details) {
    fake.error(owner, title, header, details);
  }

  @Override
  public void info(Window owner, String title, String header, String details) {
    infos.add(List.of(title, header, details));
  }

  @Override
  public Optional<Path> chooseFileToOpen(Window owner, FileRequest request) {
    return fake.chooseFileToOpen(owner, request);
  }

  @Override
  public Optional<Path> chooseFileToSave(Window owner, FileRequest request) {
    return fake.chooseFileToSave(owner, request);
  }

  @Override
  public Optional<Path> chooseFolder(Window owner, String title) {
    return fake.chooseFolder(owner, title);
  }
}
