package org.bgwizard.ui.pages;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.bgwizard.ui.common.Messages;

/**
 * What "Move under CloudFormation…" wrote: the commands to run (selectable, and copied with one button), what the
 * import leaves out with what to do, and "I have run the import", which records the stack. Not modal: the user runs
 * the commands in a terminal while it stays open.
 */
final class StackImportDialog {
  private StackImportDialog() {}

  static Dialog<ButtonType> show(Window owner, DoneViewModel.ImportFiles files, Messages messages,
      Runnable imported) {
    String script = files.prepared().commands(messages.locale());
    var commands = new TextArea(script);
    commands.setId("importCommands");
    commands.setEditable(false);
    commands.setPrefRowCount(12);
    commands.setStyle("-fx-font-family: monospace;");
    var copied = new Label();
    var copy = new Button(messages.get("stack.import.copy"));
    copy.setId("copyImportCommands");
    copy.setOnAction(e -> {
      var content = new ClipboardContent();
      content.putString(script);
      Clipboard.getSystemClipboard().setContent(content);
      copied.setText(messages.get("stack.import.copied"));
    });
    var notes = files.prepared().leftOut(messages.locale());
    var leftOut = new TextArea(notes.isEmpty() ? messages.get("stack.import.leftOut.none")
        : String.join("\n", notes.stream().map(l -> "• " + l).toList()));
    leftOut.setId("importLeftOut");
    leftOut.setEditable(false);
    leftOut.setWrapText(true);
    leftOut.setPrefRowCount(5);
    var intro = new Label(messages.get("stack.import.commands"));
    intro.setWrapText(true);
    var leftOutHeading = new Label(messages.get("stack.import.leftOut"));
    leftOutHeading.setWrapText(true);
    var content = new VBox(8, intro, commands, new HBox(8, copy, copied), leftOutHeading, leftOut);

    var dialog = new Dialog<ButtonType>();
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    dialog.setTitle(messages.get("stack.import.title"));
    dialog.setHeaderText(messages.format("stack.import.wrote", files.folder(), files.stack()));
    dialog.setResizable(true);
    var record = new ButtonType(messages.get("stack.import.record"), ButtonData.OK_DONE);
    var close = new ButtonType(messages.get("stack.import.close"), ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().setAll(record, close);
    dialog.getDialogPane().lookupButton(record).setId("recordImportButton");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setPrefWidth(900);
    dialog.getDialogPane().setMinWidth(900);
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    dialog.getDialogPane().setId("stackImportDialog");
    dialog.setResultConverter(type -> type);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() == record) {
        imported.run();
      }
    });
    dialog.show();
    return dialog;
  }
}
