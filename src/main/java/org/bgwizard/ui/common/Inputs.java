package org.bgwizard.ui.common;

import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextFormatter;

/** Small behaviours shared by form inputs. */
public final class Inputs {
  /** Enough digits to type any accepted value and one too many, never enough to overflow an int. */
  private static final int MAX_DIGITS = 7;

  private Inputs() {}

  /** Ties {@code input} to {@code value} both ways and shows {@code error} under it in {@code field}. */
  public static void bind(TextInputControl input, Property<String> value, FormField field,
      ObservableValue<String> error) {
    input.textProperty().bindBidirectional(value);
    field.errorProperty().bind(error);
  }

  /** Lets the fields take only digits: whole numbers are all the wizard asks for. */
  public static void digitsOnly(TextField... fields) {
    for (TextField field : fields) {
      field.setTextFormatter(new TextFormatter<String>(change ->
          change.getControlNewText().matches("\\d{0," + MAX_DIGITS + "}") ? change : null));
    }
  }
}
