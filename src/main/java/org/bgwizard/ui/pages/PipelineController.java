package org.bgwizard.ui.pages;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;

/** The Pipeline page: name, artifact bucket, manual approval and its notification topic. */
public final class PipelineController {
  @FXML private TextField pipelineName;
  @FXML private FormField pipelineNameField;
  @FXML private TextField artifactBucket;
  @FXML private FormField artifactBucketField;
  @FXML private CheckBox manualApproval;
  @FXML private TextField approvalTopicArn;
  @FXML private FormField approvalTopicArnField;

  private final PipelineViewModel model;
  private final Messages messages;

  public PipelineController(PipelineViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Inputs.bind(pipelineName, model.name(), pipelineNameField, model.error("pipeline.name"));
    Inputs.bind(artifactBucket, model.artifactBucket(), artifactBucketField, model.error("pipeline.artifactBucket"));
    artifactBucket.setPromptText(messages.format("pipeline.artifactBucket.prompt", model.setupName()));
    manualApproval.selectedProperty().bindBidirectional(model.manualApproval());
    Inputs.bind(approvalTopicArn, model.approvalTopicArn(), approvalTopicArnField,
        model.error("pipeline.approvalTopicArn"));
    approvalTopicArnField.disableProperty().bind(model.manualApproval().not());
  }
}
