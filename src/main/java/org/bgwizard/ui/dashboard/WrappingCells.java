package org.bgwizard.ui.dashboard;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;

/** List cells that wrap long lines (AWS's stopped reasons, the catalogue's fixes) to the list's width. */
final class WrappingCells {
  /** Room for the vertical scroll bar and the cell's padding. */
  private static final double INSET = 36;

  private WrappingCells() {}

  static void install(ListView<String> list) {
    list.setCellFactory(l -> new ListCell<>() {
      private final Label label = new Label();

      {
        label.setWrapText(true);
        label.maxWidthProperty().bind(l.widthProperty().subtract(INSET));
        label.setMinHeight(Region.USE_PREF_SIZE);
      }

      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        label.setText(item);
        setGraphic(empty || item == null ? null : label);
      }
    });
  }
}
