package org.bgwizard.ui.pages;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Source.Provider;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The CodeBuild & source page: the provider with only its own fields, and the build project. */
public final class CodeBuildController {
  @FXML private ToggleGroup providerGroup;
  @FXML private FormField providerField;
  @FXML private Node codeCommitFields;
  @FXML private TextField repository;
  @FXML private FormField repositoryField;
  @FXML private CheckBox existingRepository;
  @FXML private CheckBox commitStarterApp;
  @FXML private FormField commitStarterAppField;
  @FXML private Node s3Fields;
  @FXML private TextField s3Bucket;
  @FXML private FormField s3BucketField;
  @FXML private TextField s3ObjectKey;
  @FXML private FormField s3ObjectKeyField;
  @FXML private Node gitHubFields;
  @FXML private ComboBox<String> connectionProvider;
  @FXML private FormField connectionProviderField;
  @FXML private TextField connectionName;
  @FXML private FormField connectionNameField;
  @FXML private TextField connectionArn;
  @FXML private FormField connectionArnField;
  @FXML private TextField fullRepositoryId;
  @FXML private FormField fullRepositoryIdField;
  @FXML private TextField branch;
  @FXML private FormField branchField;
  @FXML private TextField project;
  @FXML private FormField projectField;
  @FXML private TextField image;
  @FXML private FormField imageField;
  @FXML private ComboBox<String> computeType;
  @FXML private FormField computeTypeField;
  @FXML private FormField privilegedField;
  @FXML private ToggleGroup taskDefinitionGroup;
  @FXML private FormField taskDefinitionField;
  @FXML private TextField dockerHubSecretArn;
  @FXML private FormField dockerHubSecretArnField;
  @FXML private TextField timeoutMinutes;
  @FXML private FormField timeoutMinutesField;

  private final CodeBuildViewModel model;
  private final Messages messages;

  public CodeBuildController(CodeBuildViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Toggles.bind(providerGroup, model.provider(), Provider::valueOf);
    providerField.errorProperty().bind(model.error("source.provider"));
    Toggles.showWhen(model.providerIs(Provider.CODECOMMIT), codeCommitFields);
    Toggles.showWhen(model.providerIs(Provider.S3), s3Fields);
    Toggles.showWhen(model.providerIs(Provider.GITHUB), gitHubFields);
    Toggles.showWhen(model.providerIs(Provider.S3).not(), branchField);
    Inputs.bind(repository, model.repository(), repositoryField, model.error("source.repository"));
    existingRepository.selectedProperty().bindBidirectional(model.existingRepository());
    commitStarterApp.selectedProperty().bindBidirectional(model.commitStarterApp());
    commitStarterApp.disableProperty().bind(model.existingRepository());
    commitStarterAppField.errorProperty().bind(model.error("source.commitStarterApp"));
    Inputs.bind(s3Bucket, model.s3Bucket(), s3BucketField, model.error("source.s3Bucket"));
    Inputs.bind(s3ObjectKey, model.s3ObjectKey(), s3ObjectKeyField, model.error("source.s3ObjectKey"));
    connectionProvider.setItems(model.connectionProviderChoices());
    connectionProvider.valueProperty().bindBidirectional(model.connectionProvider());
    connectionProviderField.errorProperty().bind(model.error("source.connectionProvider"));
    Inputs.bind(connectionName, model.connectionName(), connectionNameField, model.error("source.connectionName"));
    Inputs.bind(connectionArn, model.connectionArn(), connectionArnField, model.error("source.connectionArn"));
    Inputs.bind(fullRepositoryId, model.fullRepositoryId(), fullRepositoryIdField,
        model.error("source.fullRepositoryId"));
    Inputs.bind(branch, model.branch(), branchField, model.error("source.branch"));

    Inputs.bind(project, model.project(), projectField, model.error("codeBuild.project"));
    Inputs.bind(image, model.image(), imageField, model.error("codeBuild.image"));
    imageField.setHint(messages.format("codebuild.image.hint", model.architecture(), model.defaultImage()));
    computeType.setItems(model.computeTypeChoices());
    computeType.valueProperty().bindBidirectional(model.computeType());
    computeTypeField.errorProperty().bind(model.error("codeBuild.computeType"));
    privilegedField.errorProperty().bind(model.error("codeBuild.privileged"));
    Toggles.bind(taskDefinitionGroup, model.taskDefinitionMode(), TaskDefinitionMode::valueOf);
    taskDefinitionField.errorProperty().bind(model.error("codeBuild.taskDefinitionMode"));
    Inputs.bind(dockerHubSecretArn, model.dockerHubSecretArn(), dockerHubSecretArnField,
        model.error("codeBuild.dockerHubSecretArn"));
    Inputs.digitsOnly(timeoutMinutes);
    Inputs.bind(timeoutMinutes, model.timeoutMinutes(), timeoutMinutesField, model.error("codeBuild.timeoutMinutes"));
  }

  @FXML
  private void useDefaultImage() {
    model.useDefaultImage();
  }
}
