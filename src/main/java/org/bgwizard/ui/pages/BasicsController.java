package org.bgwizard.ui.pages;

import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Strategy;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The Basics page: setup name, region, the blue/green strategy and the container. */
public final class BasicsController {
  @FXML private TextField setupName;
  @FXML private FormField setupNameField;
  @FXML private ComboBox<String> region;
  @FXML private FormField regionField;
  @FXML private ToggleGroup strategyGroup;
  @FXML private TextField containerName;
  @FXML private FormField containerNameField;
  @FXML private TextField containerPort;
  @FXML private FormField containerPortField;
  @FXML private ToggleGroup architectureGroup;
  @FXML private FormField architectureField;
  @FXML private TextField initialImage;
  @FXML private FormField initialImageField;

  private final BasicsViewModel model;
  private final Messages messages;

  public BasicsController(BasicsViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    setupName.textProperty().bindBidirectional(model.name());
    setupNameField.errorProperty().bind(model.error("name"));
    setupNameField.hintProperty().bind(model.name().map(name -> messages.format("basics.name.hint", name)));
    region.setItems(FXCollections.observableList(BasicsViewModel.REGIONS));
    region.setValue(model.region().get());
    region.getEditor().textProperty().bindBidirectional(model.region());
    regionField.errorProperty().bind(model.error("region"));
    Toggles.bind(strategyGroup, model.strategy(), Strategy::valueOf);
    containerName.textProperty().bindBidirectional(model.containerName());
    containerNameField.errorProperty().bind(model.error("container.name"));
    Inputs.digitsOnly(containerPort);
    containerPort.textProperty().bindBidirectional(model.containerPort());
    containerPortField.errorProperty().bind(model.error("container.port"));
    Toggles.bind(architectureGroup, model.architecture(), Architecture::valueOf);
    architectureField.errorProperty().bind(model.error("container.architecture"));
    initialImage.textProperty().bindBidirectional(model.initialImage());
    initialImageField.errorProperty().bind(model.error("container.initialImage"));
  }
}
