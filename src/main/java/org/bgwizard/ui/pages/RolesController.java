package org.bgwizard.ui.pages;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bgwizard.artifacts.InfrastructureRole;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/**
 * The IAM roles page. The role blocks are alike, so they are built here from one pattern; each has its own
 * mnemonic (strings {@code roles.<slug>.*}). An ecs-native setup shows ECS's infrastructure role instead of
 * CodeDeploy's.
 */
public final class RolesController {
  @FXML private Label intro;
  @FXML private VBox roleBlocks;
  @FXML private Label policiesNote;

  /** Suffix of the strings that differ for an ecs-native setup. */
  private static final String ECS_NATIVE = ".ecsnative";

  private final RolesViewModel model;
  private final Messages messages;

  public RolesController(RolesViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    policiesNote.textProperty().bind(model.policiesShown().map(shown -> shown
        ? messages.format("roles.policies.example", RolesViewModel.EXAMPLE_ACCOUNT)
        : messages.get("roles.policies.unavailable")));
    for (ServiceRole role : model.roles()) {
      roleBlocks.getChildren().add(block(role.slug(), RolesViewModel.field(role), model.role(role)));
    }
    if (model.infrastructure() != null) {
      intro.setText(messages.get("step.iamroles.about" + ECS_NATIVE));
      roleBlocks.getChildren().add(block(InfrastructureRole.SLUG, RolesViewModel.INFRASTRUCTURE_FIELD,
          model.infrastructure()));
    }
  }

  /** The block of one role; {@code slug} names its strings ({@code roles.<slug>.*}) and its controls' ids. */
  private VBox block(String slug, String field, RoleInput input) {
    String key = "roles." + slug;
    var heading = new Label(messages.get(key + ".heading"));
    heading.getStyleClass().add("section-heading");
    // the pipeline role of an ecs-native setup has the Amazon ECS action deploy, not CodeDeploy
    boolean nativePipeline = model.infrastructure() != null && slug.equals(ServiceRole.CODE_PIPELINE.slug());
    var purpose = new Label(messages.get(key + ".purpose" + (nativePipeline ? ECS_NATIVE : "")));
    purpose.setWrapText(true);
    purpose.getStyleClass().add("section-intro");

    var group = new ToggleGroup();
    var create = radio(messages.get("roles.create"), group, "false", slug + "Create");
    var existing = radio(messages.get("roles.existing"), group, "true", slug + "Existing");
    Toggles.bind(group, input.existing(), Boolean::valueOf);

    var name = textField(slug + "Name", input.name().get());
    name.textProperty().bindBidirectional(input.name());
    var nameField = formField(messages.get(key + ".name"), name, slug + "NameField");
    nameField.errorProperty().bind(model.error(field + ".name"));
    var arn = textField(slug + "Arn", input.arn().get());
    arn.setPromptText("arn:aws:iam::111122223333:role/" + slug);
    arn.textProperty().bindBidirectional(input.arn());
    var arnField = formField(messages.get(key + ".arn"), arn, slug + "ArnField");
    arnField.setHint(messages.get("roles.arn.hint"));
    arnField.errorProperty().bind(model.error(field + ".existingArn"));
    Toggles.showWhen(input.existing().not(), nameField);
    Toggles.showWhen(input.existing(), arnField);

    var choice = new HBox(create, existing);
    choice.getStyleClass().add("choice-row");
    var block = new VBox(heading, purpose, choice, nameField, arnField, policies(slug, input));
    block.getStyleClass().add("form-section");
    return block;
  }

  private TitledPane policies(String slug, RoleInput input) {
    var trust = policyText(slug + "Trust");
    trust.textProperty().bind(input.trustPolicy());
    var permissions = policyText(slug + "Permissions");
    permissions.textProperty().bind(input.permissionsPolicy());
    var tabs = new TabPane(new Tab(messages.get("roles.policies.trust"), trust),
        new Tab(messages.get("roles.policies.permissions"), permissions));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    var pane = new TitledPane();
    pane.textProperty().bind(input.existing().map(own -> messages.get(own ? "roles.policies.needed"
        : "roles.policies.generated")));
    pane.setContent(tabs);
    pane.setExpanded(false);
    pane.setId(slug + "Policies");
    pane.visibleProperty().bind(model.policiesShown());
    pane.managedProperty().bind(model.policiesShown());
    return pane;
  }

  private static RadioButton radio(String text, ToggleGroup group, String value, String id) {
    var radio = new RadioButton(text);
    radio.setToggleGroup(group);
    radio.setUserData(value);
    radio.setId(id);
    return radio;
  }

  private static TextField textField(String id, String text) {
    var field = new TextField(text);
    field.setId(id);
    return field;
  }

  private static FormField formField(String label, Node input, String id) {
    var field = new FormField();
    field.setText(label);
    field.setContent(input);
    field.setId(id);
    return field;
  }

  private static TextArea policyText(String id) {
    var text = new TextArea();
    text.setEditable(false);
    text.setPrefRowCount(14);
    text.setId(id);
    text.getStyleClass().add("policy-text");
    return text;
  }
}
