package org.bgwizard.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The modal questions the UI asks; an interface so tests can answer them without native file choosers. */
public interface Dialogs {

  /** True when the user chose {@code confirmText}. */
  boolean confirm(Window owner, Question question);

  void error(Window owner, String title, String header, String details);

  void info(Window owner, String title, String header, String details);

  Optional<Path> chooseFileToOpen(Window owner, FileRequest request);

  Optional<Path> chooseFileToSave(Window owner, FileRequest request);

  /** A folder to write into, chosen under {@code title}. */
  Optional<Path> chooseFolder(Window owner, String title);

  /** A yes/no question with the texts of its two buttons. */
  record Question(String title, String header, String details, String confirmText, String declineText) {}

  /**
   * A file to pick: the chooser's title, a filter such as {@code *.json} with its description, and for saving
   * the file name offered.
   */
  record FileRequest(String title, String filterDescription, String filterPattern, String initialName) {}
}
