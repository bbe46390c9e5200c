package org.bgwizard.ui.pages;

import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;

/** The ECS service page: cluster, service, task family and size, task count, health check grace period, logs. */
public final class EcsController {
  @FXML private TextField cluster;
  @FXML private FormField clusterField;
  @FXML private CheckBox existingCluster;
  @FXML private TextField service;
  @FXML private FormField serviceField;
  @FXML private TextField taskFamily;
  @FXML private FormField taskFamilyField;
  @FXML private ComboBox<Integer> cpu;
  @FXML private FormField cpuField;
  @FXML private ComboBox<Integer> memory;
  @FXML private FormField memoryField;
  @FXML private TextField desiredCount;
  @FXML private FormField desiredCountField;
  @FXML private TextField healthCheckGracePeriod;
  @FXML private FormField healthCheckGracePeriodField;
  @FXML private TextField logGroup;
  @FXML private FormField logGroupField;
  @FXML private ComboBox<Integer> logRetention;
  @FXML private FormField logRetentionField;

  private final EcsViewModel model;
  private final Messages messages;

  public EcsController(EcsViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Inputs.bind(cluster, model.cluster(), clusterField, model.error("ecs.cluster"));
    existingCluster.selectedProperty().bindBidirectional(model.existingCluster());
    Inputs.bind(service, model.service(), serviceField, model.error("ecs.service"));
    Inputs.bind(taskFamily, model.taskFamily(), taskFamilyField, model.error("ecs.taskFamily"));
    cpu.setItems(FXCollections.observableList(EcsViewModel.cpuChoices()));
    cpu.setConverter(converter(units -> messages.format("ecs.cpu.choice", units, units / 1024.0)));
    cpu.valueProperty().bindBidirectional(model.cpu());
    cpuField.errorProperty().bind(model.error("container.cpu"));
    memory.setItems(model.memoryChoices());
    memory.setConverter(converter(mib -> messages.format("ecs.memory.choice", mib, mib / 1024.0)));
    memory.valueProperty().bindBidirectional(model.memory());
    memoryField.errorProperty().bind(model.error("container.memory"));
    Inputs.digitsOnly(desiredCount);
    Inputs.bind(desiredCount, model.desiredCount(), desiredCountField, model.error("ecs.desiredCount"));
    Inputs.digitsOnly(healthCheckGracePeriod);
    Inputs.bind(healthCheckGracePeriod, model.healthCheckGracePeriod(), healthCheckGracePeriodField,
        model.error("ecs.healthCheckGracePeriodSeconds"));
    Inputs.bind(logGroup, model.logGroup(), logGroupField, model.error("ecs.logGroup"));
    logRetention.setItems(FXCollections.observableList(EcsViewModel.logRetentionChoices()));
    logRetention.setConverter(converter(days -> messages.format("ecs.retention.choice", days)));
    logRetention.valueProperty().bindBidirectional(model.logRetentionDays());
    logRetentionField.errorProperty().bind(model.error("ecs.logRetentionDays"));
  }

  private static StringConverter<Integer> converter(Function<Integer, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(Integer value) {
        return value == null ? "" : text.apply(value);
      }

      @Override
      public Integer fromString(String string) {
        throw new UnsupportedOperationException("the choice lists are not editable");
      }
    };
  }
}
