package org.bgwizard.ui.pages;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The Network page: VPC, subnets, public IP, who may reach the listeners, and what the security groups allow. */
public final class NetworkController {
  @FXML private ToggleGroup vpcGroup;
  @FXML private TextField vpcId;
  @FXML private FormField vpcIdField;
  @FXML private FormField subnetsField;
  @FXML private VBox subnetRows;
  @FXML private CheckBox publicIp;
  @FXML private TextField ingressCidr;
  @FXML private FormField ingressCidrField;
  @FXML private Label securityGroups;

  private final NetworkViewModel model;
  private final Messages messages;

  public NetworkController(NetworkViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Toggles.bind(vpcGroup, model.defaultVpc(), Boolean::valueOf);
    vpcId.textProperty().bindBidirectional(model.vpcId());
    vpcIdField.disableProperty().bind(model.defaultVpc());
    vpcIdField.errorProperty().bind(model.error("network.vpcId"));
    subnetsField.errorProperty().bind(model.error("network.subnets"));
    showSubnets();
    model.subnets().subscribe(this::showSubnets);
    publicIp.selectedProperty().bindBidirectional(model.publicIp());
    ingressCidr.textProperty().bindBidirectional(model.ingressCidr());
    ingressCidrField.errorProperty().bind(model.error("network.ingressCidr"));
    securityGroups.textProperty().bind(Bindings.createStringBinding(() -> messages.format("network.securityGroups",
        model.productionPort(), model.testPort(), model.ingressCidr().get(), model.containerPort()),
        model.ingressCidr()));
  }

  @FXML
  private void addSubnet() {
    model.addSubnet();
    // the new row's id field is the last text field added
    subnetRows.getChildren().get(subnetRows.getChildren().size() - 1).lookup(".text-field").requestFocus();
  }

  /** Rebuilds the rows when rows are added or removed; typing in a row keeps its fields. */
  private void showSubnets() {
    if (subnetRows.getChildren().size() == model.subnets().size()) {
      return;
    }
    subnetRows.getChildren().clear();
    for (int i = 0; i < model.subnets().size(); i++) {
      subnetRows.getChildren().add(row(i, model.subnets().get(i)));
    }
  }

  private FormField row(int index, SubnetInput subnet) {
    var id = new TextField();
    id.setPromptText(messages.get("network.subnet.idPrompt"));
    id.setAccessibleText(messages.format("network.subnet.id", index + 1));
    id.textProperty().bindBidirectional(subnet.id());
    var zone = new TextField();
    zone.setPromptText(messages.get("network.subnet.zonePrompt"));
    zone.setAccessibleText(messages.format("network.subnet.zone", index + 1));
    zone.textProperty().bindBidirectional(subnet.zone());
    var remove = new Button(messages.get("network.subnet.remove"));
    remove.setAccessibleText(messages.format("network.subnet.removeAccessible", index + 1));
    remove.setOnAction(event -> model.subnets().remove(subnet));
    HBox.setHgrow(id, Priority.ALWAYS);
    HBox.setHgrow(zone, Priority.ALWAYS);
    var line = new HBox(id, zone, remove);
    line.getStyleClass().add("subnet-row");
    var field = new FormField();
    field.setContent(line);
    field.errorProperty().bind(model.error(NetworkViewModel.subnetField(index)));
    return field;
  }
}
