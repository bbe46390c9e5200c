package org.bgwizard.ui.pages;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.bgwizard.setup.AwsChoices;
import org.bgwizard.setup.CodeDeploy.Reroute;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The CodeDeploy page: application, deployment group, configuration, rerouting, termination wait, rollback. */
public final class CodeDeployController {
  @FXML private TextField application;
  @FXML private FormField applicationField;
  @FXML private TextField deploymentGroup;
  @FXML private FormField deploymentGroupField;
  @FXML private ComboBox<String> deploymentConfig;
  @FXML private FormField deploymentConfigField;
  @FXML private ToggleGroup rerouteGroup;
  @FXML private FormField rerouteField;
  @FXML private TextField rerouteWaitMinutes;
  @FXML private FormField rerouteWaitMinutesField;
  @FXML private TextField terminationWaitMinutes;
  @FXML private FormField terminationWaitMinutesField;
  @FXML private CheckBox autoRollback;

  private final CodeDeployViewModel model;
  private final Messages messages;

  public CodeDeployController(CodeDeployViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Inputs.bind(application, model.application(), applicationField, model.error("codeDeploy.application"));
    Inputs.bind(deploymentGroup, model.deploymentGroup(), deploymentGroupField,
        model.error("codeDeploy.deploymentGroup"));
    deploymentConfig.setItems(model.configChoices());
    deploymentConfig.setCellFactory(list -> new ConfigCell());
    deploymentConfig.valueProperty().bindBidirectional(model.deploymentConfig());
    deploymentConfigField.hintProperty().bind(model.deploymentConfig().map(this::explain));
    deploymentConfigField.errorProperty().bind(model.error("codeDeploy.deploymentConfig"));
    Toggles.bind(rerouteGroup, model.reroute(), Reroute::valueOf);
    rerouteField.errorProperty().bind(model.error("codeDeploy.reroute"));
    Inputs.digitsOnly(rerouteWaitMinutes, terminationWaitMinutes);
    Inputs.bind(rerouteWaitMinutes, model.rerouteWaitMinutes(), rerouteWaitMinutesField,
        model.error("codeDeploy.rerouteWaitMinutes"));
    rerouteWaitMinutesField.disableProperty().bind(model.waiting().not());
    Inputs.bind(terminationWaitMinutes, model.terminationWaitMinutes(), terminationWaitMinutesField,
        model.error("codeDeploy.terminationWaitMinutes"));
    autoRollback.selectedProperty().bindBidirectional(model.autoRollback());
  }

  private String explain(String config) {
    return CodeDeployViewModel.isPredefined(config)
        ? messages.get("codedeploy.config." + config.substring(AwsChoices.PREDEFINED_CONFIG_PREFIX.length()))
        : messages.get("codedeploy.config.custom");
  }

  /** A configuration in the open list: its name, and under it what it does. */
  private final class ConfigCell extends ListCell<String> {
    @Override
    protected void updateItem(String config, boolean empty) {
      super.updateItem(config, empty);
      if (empty || config == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      var name = new Label(config);
      var what = new Label(explain(config));
      what.getStyleClass().add("field-hint");
      setText(null);
      setGraphic(new VBox(name, what));
      setAccessibleText(messages.format("codedeploy.config.accessible", config, explain(config)));
    }
  }
}
