package org.bgwizard.ui.pages;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.bgwizard.ui.common.Messages;

/**
 * "Move under CloudFormation…": the stack's name (the setup's by default, checked as CloudFormation's CreateStack
 * takes it), "Write the import files…", then the commands to run for that stack (selectable, and copied with one
 * button), what the import leaves out with what to do, and "I have run the import", which records the stack the files
 * were written for. Not modal: the user runs the commands in a terminal while it stays open.
 */
final class StackImportDialog {
  private static final int LEFT_OUT_ROWS = 5;
  private static final int MAX_LEFT_OUT_ROWS = 16;
  private static final int COLUMNS = 90;

  private StackImportDialog() {}

  /**
   * About how many lines the notes take wrapped in the list at the dialog's width: some 90 columns a line (words
   * wrap before the edge), a wide (CJK) character taking two, and a line to spare.
   */
  private static int rows(java.util.List<String> notes) {
    int rows = 0;
    for (String note : notes) {
      int columns = note.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum() + 2;
      rows += (columns + COLUMNS - 1) / COLUMNS;
    }
    return rows + 1;
  }

  /** The dialog's window at least as large as its content wants, and no smaller than it is. */
  private static void grow(Dialog<?> dialog) {
    var window = dialog.getDialogPane().getScene().getWindow();
    double width = window.getWidth();
    double height = window.getHeight();
    window.sizeToScene();
    window.setWidth(Math.max(width, window.getWidth()));
    window.setHeight(Math.max(height, window.getHeight()));
  }

  /**
   * {@code write} is given the stack name and what to call with the files once written (or not at all, when the
   * user gave up); {@code record} the stack the files were written for.
   */
  static Dialog<ButtonType> show(Window owner, DoneViewModel model, Messages messages,
      BiConsumer<String, Consumer<DoneViewModel.ImportFiles>> write, Consumer<String> record) {
    ObjectProperty<DoneViewModel.ImportFiles> written = new SimpleObjectProperty<>();
    var nameLabel = new Label(messages.get("stack.import.name"));
    var name = new TextField(model.defaultStackName());
    name.setId("stackNameField");
    name.setPrefColumnCount(32);
    nameLabel.setLabelFor(name);
    var nameProblem = new Label();
    nameProblem.setId("stackNameProblem");
    nameProblem.setWrapText(true);
    nameProblem.getStyleClass().add("field-error");
    nameProblem.setStyle("-fx-text-fill: #b00020;");
    var writeButton = new Button(messages.get("stack.import.write"));
    writeButton.setId("writeImportButton");
    var nameRow = new HBox(8, nameLabel, name, writeButton);
    nameRow.setAlignment(Pos.BASELINE_LEFT);
    HBox.setHgrow(name, Priority.ALWAYS);

    var commands = new TextArea();
    commands.setId("importCommands");
    commands.setEditable(false);
    commands.setPrefRowCount(12);
    commands.setStyle("-fx-font-family: monospace;");
    var copied = new Label();
    var copy = new Button(messages.get("stack.import.copy"));
    copy.setId("copyImportCommands");
    copy.setOnAction(e -> {
      var content = new ClipboardContent();
      content.putString(commands.getText());
      Clipboard.getSystemClipboard().setContent(content);
      copied.setText(messages.get("stack.import.copied"));
    });
    copy.disableProperty().bind(written.isNull());
    var leftOut = new TextArea();
    leftOut.setId("importLeftOut");
    leftOut.setEditable(false);
    leftOut.setWrapText(true);
    leftOut.setPrefRowCount(LEFT_OUT_ROWS);
    var intro = new Label(messages.get("stack.import.intro"));
    intro.setWrapText(true);
    var commandsIntro = new Label(messages.get("stack.import.commands"));
    commandsIntro.setWrapText(true);
    var leftOutHeading = new Label(messages.get("stack.import.leftOut"));
    leftOutHeading.setWrapText(true);
    nameProblem.managedProperty().bind(nameProblem.textProperty().isNotEmpty());
    nameProblem.visibleProperty().bind(nameProblem.managedProperty());
    for (Label wrapped : new Label[] {intro, nameProblem, commandsIntro, leftOutHeading}) {
      // a wrapped label in a dialog keeps the height of all its lines instead of ending in "…"
      wrapped.setMinHeight(Region.USE_PREF_SIZE);
    }
    var content = new VBox(8, intro, nameRow, nameProblem, commandsIntro, commands, new HBox(8, copy, copied),
        leftOutHeading, leftOut);

    var dialog = new Dialog<ButtonType>();
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    dialog.setTitle(messages.get("stack.import.title"));
    dialog.setHeaderText(messages.get("stack.import.notWritten"));
    dialog.setResizable(true);
    var recordType = new ButtonType(messages.get("stack.import.record"), ButtonData.OK_DONE);
    var close = new ButtonType(messages.get("stack.import.close"), ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().setAll(recordType, close);
    var recordButton = dialog.getDialogPane().lookupButton(recordType);
    recordButton.setId("recordImportButton");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setPrefWidth(900);
    dialog.getDialogPane().setMinWidth(900);
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    dialog.getDialogPane().setId("stackImportDialog");

    Runnable check = () -> {
      String problem = model.stackNameProblem(name.getText()).orElse("");
      nameProblem.setText(problem);
      writeButton.setDisable(!problem.isEmpty());
      var files = written.get();
      // the record names the stack the commands were written for: a changed name wants the files written again
      recordButton.setDisable(files == null || !files.stack().equals(name.getText()));
    };
    name.textProperty().addListener((o, was, now) -> check.run());
    written.addListener((o, was, now) -> check.run());
    check.run();
    writeButton.setOnAction(e -> write.accept(name.getText(), files -> {
      written.set(files);
      dialog.setHeaderText(messages.format("stack.import.wrote", files.folder(), files.stack()));
      commands.setText(files.prepared().commands(messages.locale()));
      var notes = files.prepared().leftOut(messages.locale());
      leftOut.setText(notes.isEmpty() ? messages.get("stack.import.leftOut.none")
          : String.join("\n", notes.stream().map(l -> "• " + l).toList()));
      // a setup with environments leaves out more than a few lines: the list shows them all, up to a bound, and the
      // dialog grows to hold it (it never shrinks below what the user made it)
      leftOut.setPrefRowCount(Math.max(LEFT_OUT_ROWS, Math.min(MAX_LEFT_OUT_ROWS, rows(notes))));
      grow(dialog);
      copied.setText("");
    }));

    dialog.setResultConverter(type -> type);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() == recordType && written.get() != null) {
        record.accept(written.get().stack());
      }
    });
    dialog.show();
    return dialog;
  }
}
