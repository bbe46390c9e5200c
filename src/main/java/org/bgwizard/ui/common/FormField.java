package org.bgwizard.ui.common;

import javafx.beans.DefaultProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One input of a form: its label (with a mnemonic that focuses the input), the input, an optional hint and the
 * error message under it, shown only while there is one. Usable in FXML:
 * {@code <FormField text="%key" hint="%key.hint"><TextField fx:id="x"/></FormField>}.
 */
@DefaultProperty("content")
public final class FormField extends VBox {
  private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

  private final Label label = new Label();
  private final Label hint = new Label();
  private final Label error = new Label();
  private final ObjectProperty<Node> content = new SimpleObjectProperty<>(this, "content");

  public FormField() {
    getStyleClass().add("form-field");
    label.setMnemonicParsing(true);
    label.getStyleClass().add("field-label");
    hint.getStyleClass().add("field-hint");
    error.getStyleClass().add("field-error");
    for (Label line : new Label[] {label, hint, error}) {
      line.setWrapText(true);
      line.setMinHeight(Label.USE_PREF_SIZE);
      line.managedProperty().bind(line.visibleProperty());
      line.visibleProperty().bind(line.textProperty().isNotEmpty());
    }
    content.subscribe(this::place);
    error.textProperty().subscribe(this::markContent);
  }

  public String getText() {
    return label.getText();
  }

  public void setText(String text) {
    label.setText(text);
  }

  public String getHint() {
    return hint.getText();
  }

  public void setHint(String text) {
    hint.setText(text);
  }

  public StringProperty hintProperty() {
    return hint.textProperty();
  }

  /** The message under the input; empty when the input is fine. */
  public StringProperty errorProperty() {
    return error.textProperty();
  }

  public Node getContent() {
    return content.get();
  }

  public void setContent(Node node) {
    content.set(node);
  }

  private void place(Node node) {
    label.setLabelFor(node);
    getChildren().setAll(node == null ? new Node[] {label, hint, error} : new Node[] {label, node, hint, error});
    markContent(error.getText());
  }

  private void markContent(String message) {
    Node node = content.get();
    if (node != null) {
      boolean wrong = message != null && !message.isEmpty();
      node.pseudoClassStateChanged(DANGER, wrong);
      node.setAccessibleHelp(wrong ? message : null);
    }
  }
}
