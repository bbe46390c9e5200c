package org.bgwizard.ui.pages;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;

/** The Image repository page: name, lifecycle, scan on push, or the user's own repository. */
public final class RepositoryController {
  @FXML private TextField repositoryName;
  @FXML private FormField repositoryNameField;
  @FXML private CheckBox existing;
  @FXML private TextField keepImages;
  @FXML private FormField keepImagesField;
  @FXML private CheckBox scanOnPush;

  private final RepositoryViewModel model;
  private final Messages messages;

  public RepositoryController(RepositoryViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    repositoryName.textProperty().bindBidirectional(model.name());
    repositoryNameField.errorProperty().bind(model.error("repository.name"));
    repositoryNameField.hintProperty().bind(model.name().map(name ->
        messages.format("repository.name.hint", model.region(), name)));
    existing.selectedProperty().bindBidirectional(model.existing());
    Inputs.digitsOnly(keepImages);
    keepImages.textProperty().bindBidirectional(model.keepImages());
    keepImagesField.errorProperty().bind(model.error("repository.keepImages"));
    keepImagesField.disableProperty().bind(model.existing());
    scanOnPush.selectedProperty().bindBidirectional(model.scanOnPush());
    scanOnPush.disableProperty().bind(model.existing());
  }
}
