package org.bgwizard.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** {@link Dialogs} that answer as told and remember what they were asked. */
public final class FakeDialogs implements Dialogs {
  public boolean confirmAnswer;
  public Path fileToOpen;
  public Path fileToSave;
  public Path folder;
  public final List<Question> questions = new ArrayList<>();
  public final List<String> errors = new ArrayList<>();
  public final List<String> infos = new ArrayList<>();
  public final List<FileRequest> fileRequests = new ArrayList<>();

  @Override
  public boolean confirm(Window owner, Question question) {
    questions.add(question);
    return confirmAnswer;
  }

  @Override
  public void error(Window owner, String title, String header, String details) {
    errors.add(header + "\n" + details);
  }

  @Override
  public void info(Window owner, String title, String header, String details) {
    infos.add(header + "\n" + details);
  }

  @Override
  public Optional<Path> chooseFileToOpen(Window owner, FileRequest request) {
    fileRequests.add(request);
    return Optional.ofNullable(fileToOpen);
  }

  @Override
  public Optional<Path> chooseFileToSave(Window owner, FileRequest request) {
    fileRequests.add(request);
    return Optional.ofNullable(fileToSave);
  }

  @Override
  public Optional<Path> chooseFolder(Window owner, String title) {
    return Optional.ofNullable(folder);
  }
}
