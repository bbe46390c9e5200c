package org.bgwizard.ui.common;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** Ties a group of radio buttons to a value, and shows parts of a form only when they apply. */
public final class Toggles {
  private Toggles() {}

  /**
   * Keeps {@code group}'s selection and {@code value} in step; each toggle's {@code userData} (a string in FXML)
   * names its value, read by {@code parse}.
   */
  public static <T> void bind(ToggleGroup group, Property<T> value, Function<String, T> parse) {
    value.subscribe(current -> group.getToggles().stream()
        .filter(toggle -> Objects.equals(parse.apply((String) toggle.getUserData()), current))
        .findFirst()
        .ifPresentOrElse(group::selectToggle, () -> group.selectToggle(null)));
    group.selectedToggleProperty().subscribe((Toggle chosen) -> {
      if (chosen != null) {
        value.setValue(parse.apply((String) chosen.getUserData()));
      }
    });
  }

  /** Shows the nodes, and keeps them in the layout and the Tab order, only while {@code condition} holds. */
  public static void showWhen(ObservableBooleanValue condition, Node... nodes) {
    for (Node node : nodes) {
      node.visibleProperty().bind(condition);
      node.managedProperty().bind(condition);
    }
  }
}
