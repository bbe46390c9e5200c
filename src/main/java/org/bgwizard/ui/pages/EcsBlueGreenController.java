package org.bgwizard.ui.pages;

import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import org.bgwizard.setup.EcsNative.Shift;
import org.bgwizard.setup.EcsNative.TimeoutAction;
import org.bgwizard.setup.FieldLabel;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.FormRow;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/**
 * The ECS blue/green page of an ecs-native setup, in place of the CodeDeploy page. Its labels are the setup's field
 * labels, so that a message names the field as the page does.
 */
public final class EcsBlueGreenController {
  @FXML private ToggleGroup shiftGroup;
  @FXML private FormField shiftField;
  @FXML private FormRow stepRow;
  @FXML private TextField stepPercent;
  @FXML private FormField stepPercentField;
  @FXML private TextField stepBakeMinutes;
  @FXML private FormField stepBakeMinutesField;
  @FXML private TextField bakeTimeMinutes;
  @FXML private FormField bakeTimeMinutesField;
  @FXML private CheckBox pause;
  @FXML private TextField pauseTimeoutMinutes;
  @FXML private FormField pauseTimeoutMinutesField;
  @FXML private ToggleGroup onTimeoutGroup;
  @FXML private FormField onPauseTimeoutField;
  @FXML private TextField deploymentTimeoutMinutes;
  @FXML private FormField deploymentTimeoutMinutesField;
  @FXML private Label timeoutWarning;

  private final EcsBlueGreenViewModel model;
  private final Messages messages;

  public EcsBlueGreenController(EcsBlueGreenViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    label(shiftField, "ecsNative.shift");
    Toggles.bind(shiftGroup, model.shift(), Shift::valueOf);
    shiftField.errorProperty().bind(model.error("ecsNative.shift"));
    Inputs.digitsOnly(stepPercent, stepBakeMinutes, bakeTimeMinutes, pauseTimeoutMinutes, deploymentTimeoutMinutes);
    text(stepPercent, model.stepPercent(), stepPercentField, "ecsNative.stepPercent");
    stepPercentField.hintProperty().bind(model.shift().map(shift -> shift == Shift.BLUE_GREEN ? ""
        : messages.get("ecsbluegreen.stepPercent.hint." + shift)));
    text(stepBakeMinutes, model.stepBakeMinutes(), stepBakeMinutesField, "ecsNative.stepBakeMinutes");
    Toggles.showWhen(model.stepped(), stepRow);
    text(bakeTimeMinutes, model.bakeTimeMinutes(), bakeTimeMinutesField, "ecsNative.bakeTimeMinutes");
    pause.selectedProperty().bindBidirectional(model.pause());
    text(pauseTimeoutMinutes, model.pauseTimeoutMinutes(), pauseTimeoutMinutesField, "ecsNative.pauseTimeoutMinutes");
    label(onPauseTimeoutField, "ecsNative.onPauseTimeout");
    Toggles.bind(onTimeoutGroup, model.onPauseTimeout(), TimeoutAction::valueOf);
    onPauseTimeoutField.errorProperty().bind(model.error("ecsNative.onPauseTimeout"));
    pauseTimeoutMinutesField.disableProperty().bind(model.pause().not());
    onPauseTimeoutField.disableProperty().bind(model.pause().not());
    text(deploymentTimeoutMinutes, model.deploymentTimeoutMinutes(), deploymentTimeoutMinutesField,
        "ecsNative.deploymentTimeoutMinutes");
    timeoutWarning.textProperty().bind(model.warning());
    Toggles.showWhen(model.warning().isNotEmpty(), timeoutWarning);
  }

  private void text(TextField input, StringProperty value, FormField field, String path) {
    label(field, path);
    Inputs.bind(input, value, field, model.error(path));
  }

  private void label(FormField field, String path) {
    field.setText(new FieldLabel(path).label(messages.locale()));
  }
}
