package org.bgwizard.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Form fields side by side, sharing the row's width equally. */
public final class FormRow extends HBox {
  public FormRow() {
    getStyleClass().add("form-row");
    getChildren().addListener((ListChangeListener<Node>) change -> {
      while (change.next()) {
        change.getAddedSubList().forEach(child -> HBox.setHgrow(child, Priority.ALWAYS));
      }
    });
  }
}
