package org.bgwizard.ui.pages;

import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The Load balancer page: new or existing ALB, listener ports, target groups, health check, draining. */
public final class LoadBalancerController {
  @FXML private ToggleGroup lbGroup;
  @FXML private TextField lbName;
  @FXML private FormField lbNameField;
  @FXML private TextField lbArn;
  @FXML private FormField lbArnField;
  @FXML private TextField productionPort;
  @FXML private FormField productionPortField;
  @FXML private TextField testPort;
  @FXML private FormField testPortField;
  @FXML private TextField targetGroup1;
  @FXML private FormField targetGroup1Field;
  @FXML private TextField targetGroup2;
  @FXML private FormField targetGroup2Field;
  @FXML private TextField healthCheckPath;
  @FXML private FormField healthCheckPathField;
  @FXML private TextField interval;
  @FXML private FormField intervalField;
  @FXML private TextField timeout;
  @FXML private FormField timeoutField;
  @FXML private TextField healthyThreshold;
  @FXML private FormField healthyThresholdField;
  @FXML private TextField unhealthyThreshold;
  @FXML private FormField unhealthyThresholdField;
  @FXML private TextField successCodes;
  @FXML private FormField successCodesField;
  @FXML private TextField deregistrationDelay;
  @FXML private FormField deregistrationDelayField;

  private final LoadBalancerViewModel model;
  private final Messages messages;

  public LoadBalancerController(LoadBalancerViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Toggles.bind(lbGroup, model.existing(), Boolean::valueOf);
    Toggles.showWhen(model.existing().not(), lbNameField);
    Toggles.showWhen(model.existing(), lbArnField);
    Inputs.digitsOnly(productionPort, testPort, interval, timeout, healthyThreshold, unhealthyThreshold,
        deregistrationDelay);
    bind(lbName, model.name(), lbNameField, "loadBalancer.name");
    bind(lbArn, model.arn(), lbArnField, "loadBalancer.existingArn");
    bind(productionPort, model.productionPort(), productionPortField, "loadBalancer.productionPort");
    bind(testPort, model.testPort(), testPortField, "loadBalancer.testPort");
    bind(targetGroup1, model.targetGroup1(), targetGroup1Field, "loadBalancer.targetGroup1");
    bind(targetGroup2, model.targetGroup2(), targetGroup2Field, "loadBalancer.targetGroup2");
    targetGroup1Field.setHint(messages.format("lb.targetGroup.hint", model.containerPort()));
    bind(healthCheckPath, model.healthCheckPath(), healthCheckPathField, "container.healthCheckPath");
    bind(interval, model.interval(), intervalField, "loadBalancer.healthCheck.intervalSeconds");
    bind(timeout, model.timeout(), timeoutField, "loadBalancer.healthCheck.timeoutSeconds");
    bind(healthyThreshold, model.healthyThreshold(), healthyThresholdField, "loadBalancer.healthCheck.healthyThreshold");
    bind(unhealthyThreshold, model.unhealthyThreshold(), unhealthyThresholdField,
        "loadBalancer.healthCheck.unhealthyThreshold");
    bind(successCodes, model.successCodes(), successCodesField, "loadBalancer.healthCheck.successCodes");
    bind(deregistrationDelay, model.deregistrationDelay(), deregistrationDelayField,
        "loadBalancer.deregistrationDelaySeconds");
  }

  private void bind(TextField input, StringProperty value, FormField field, String specField) {
    Inputs.bind(input, value, field, model.error(specField));
  }
}
