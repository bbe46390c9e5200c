package org.bgwizard.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX alerts and the platform's file chooser, which remembers the last folder. */
public final class FxDialogs implements Dialogs {
  private File lastDirectory;

  @Override
  public boolean confirm(Window owner, Question question) {
    var confirm = new ButtonType(question.confirmText(), ButtonData.OK_DONE);
    var decline = new ButtonType(question.declineText(), ButtonData.CANCEL_CLOSE);
    var alert = alert(Alert.AlertType.CONFIRMATION, owner, question.title(), question.header(), question.details());
    alert.getButtonTypes().setAll(confirm, decline);
    return alert.showAndWait().filter(confirm::equals).isPresent();
  }

  @Override
  public void error(Window owner, String title, String header, String details) {
    alert(Alert.AlertType.ERROR, owner, title, header, details).showAndWait();
  }

  @Override
  public void info(Window owner, String title, String header, String details) {
    alert(Alert.AlertType.INFORMATION, owner, title, header, details).showAndWait();
  }

  @Override
  public Optional<Path> chooseFileToOpen(Window owner, FileRequest request) {
    return remember(chooser(request).showOpenDialog(owner));
  }

  @Override
  public Optional<Path> chooseFileToSave(Window owner, FileRequest request) {
    var chooser = chooser(request);
    chooser.setInitialFileName(request.initialName());
    return remember(chooser.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> chooseFolder(Window owner, String title) {
    var chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (lastDirectory != null && lastDirectory.isDirectory()) {
      chooser.setInitialDirectory(lastDirectory);
    }
    File chosen = chooser.showDialog(owner);
    if (chosen == null) {
      return Optional.empty();
    }
    lastDirectory = chosen;
    return Optional.of(chosen.toPath());
  }

  private static Alert alert(Alert.AlertType type, Window owner, String title, String header, String details) {
    var alert = new Alert(type, details, ButtonType.OK);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(header);
    alert.getDialogPane().setMinWidth(480);
    alert.getDialogPane().setMaxWidth(640);
    alert.setOnShown(e -> keepOnOwnersScreen(alert, owner));
    return alert;
  }

  /**
   * Centres the dialog on its owner and keeps it on the owner's screen: a dialog placed before its long text was
   * laid out can otherwise open partly off-screen.
   */
  private static void keepOnOwnersScreen(Alert alert, Window owner) {
    if (owner == null) {
      return;
    }
    Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
        owner.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    double x = owner.getX() + (owner.getWidth() - alert.getWidth()) / 2;
    double y = owner.getY() + (owner.getHeight() - alert.getHeight()) / 3;
    alert.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - alert.getWidth())));
    alert.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - alert.getHeight())));
  }

  private FileChooser chooser(FileRequest request) {
    var chooser = new FileChooser();
    chooser.setTitle(request.title());
    chooser.getExtensionFilters().add(
        new FileChooser.ExtensionFilter(request.filterDescription(), request.filterPattern()));
    if (lastDirectory != null && lastDirectory.isDirectory()) {
      chooser.setInitialDirectory(lastDirectory);
    }
    return chooser;
  }

  private Optional<Path> remember(File chosen) {
    if (chosen == null) {
      return Optional.empty();
    }
    lastDirectory = chosen.getParentFile();
    return Optional.of(chosen.toPath());
  }
}
