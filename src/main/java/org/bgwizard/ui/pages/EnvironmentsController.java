package org.bgwizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bgwizard.setup.Environments;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Inputs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/**
 * The Environments page: one environment or several in promotion order (name, branch, sizes, approval gate,
 * reordered with the arrows), one shared load balancer or one each, and the approval requests' SNS topic.
 * A disabled button sits in a label that says why, as on the dashboard: a disabled control shows no tooltip.
 */
public final class EnvironmentsController {
  private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");
  private static final List<String> HEADERS = List.of("name", "branch", "desiredCount", "cpu", "memory", "approval");

  @FXML private ToggleGroup countGroup;
  @FXML private VBox listSection;
  @FXML private Label listIntro;
  @FXML private FormField listField;
  @FXML private GridPane environmentGrid;
  @FXML private HBox addBar;
  @FXML private Button addEnvironmentButton;
  @FXML private VBox loadBalancerSection;
  @FXML private FormField sharedLoadBalancerField;
  @FXML private CheckBox sharedLoadBalancer;
  @FXML private Label sharedNote;
  @FXML private VBox topicSection;
  @FXML private Label topicIntro;
  @FXML private VBox topicInputs;
  @FXML private ToggleGroup topicGroup;
  @FXML private FormField topicNameField;
  @FXML private TextField topicName;
  @FXML private FormField topicArnField;
  @FXML private TextField topicArn;
  @FXML private FormField emailField;
  @FXML private TextField email;
  @FXML private FormField topicField;

  private final EnvironmentsViewModel model;
  private final Messages messages;
  private Label addHolder;

  public EnvironmentsController(EnvironmentsViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    Toggles.bind(countGroup, model.several(), Boolean::valueOf);
    Toggles.showWhen(model.several(), listSection, loadBalancerSection, topicSection);
    listIntro.setText(messages.format("environments.list.intro", Environments.MAX));
    listField.errorProperty().bind(model.error("environments"));
    addHolder = holder(addEnvironmentButton);
    showRows();
    model.rows().subscribe(this::showRows);

    sharedLoadBalancer.selectedProperty().bindBidirectional(model.sharedLoadBalancer());
    sharedLoadBalancerField.errorProperty().bind(model.error("environments.sharedLoadBalancer"));
    sharedNote.textProperty().bind(Bindings.createStringBinding(() -> messages.format(
        model.sharedLoadBalancer().get() ? "environments.shared.on" : "environments.shared.off",
        model.rows().size()), model.sharedLoadBalancer(), model.rows()));

    Toggles.bind(topicGroup, model.existingTopic(), Boolean::valueOf);
    topicField.errorProperty().bind(model.error("environments.approvalTopic"));
    topicInputs.disableProperty().bind(model.anyApproval().not());
    topicIntro.textProperty().bind(Bindings.createStringBinding(() -> messages.get(model.anyApproval().get()
        ? "environments.topic.intro" : "environments.topic.unused"), model.anyApproval()));
    var why = new Tooltip();
    why.textProperty().bind(topicIntro.textProperty());
    why.setWrapText(true);
    why.setMaxWidth(420);
    Tooltip.install(topicSection, why);
    Toggles.showWhen(model.existingTopic().not(), topicNameField);
    Toggles.showWhen(model.existingTopic(), topicArnField);
    Inputs.bind(topicName, model.topicName(), topicNameField, model.error("environments.approvalTopic.name"));
    Inputs.bind(topicArn, model.topicArn(), topicArnField, model.error("environments.approvalTopic.existingArn"));
    Inputs.bind(email, model.email(), emailField, model.error("environments.approvalTopic.email"));
  }

  @FXML
  private void addEnvironment() {
    model.add();
    // the new row's name field
    environmentGrid.lookupAll(".text-field").stream().filter(n -> ("environmentName" + (model.rows().size() - 1))
        .equals(n.getId())).findFirst().ifPresent(Node::requestFocus);
  }

  /**
   * Rebuilds the grid when rows are added, removed or moved; typing in a row keeps its fields (the grid is only
   * rebuilt when the rows themselves change, not their values).
   */
  private void showRows() {
    var shown = environmentGrid.getChildren().stream().map(Node::getUserData).filter(d -> d != null).toList();
    if (shown.equals(model.rows()) && shown.size() == model.rows().size()) {
      updateButtons();
      return;
    }
    environmentGrid.getChildren().clear();
    environmentGrid.getColumnConstraints().setAll(columns());
    for (int c = 0; c < HEADERS.size(); c++) {
      var header = new Label(messages.get("environments.column." + HEADERS.get(c)));
      header.getStyleClass().add("field-label");
      header.setWrapText(true);
      header.setMinHeight(Label.USE_PREF_SIZE);
      environmentGrid.add(header, c, 0);
    }
    for (int i = 0; i < model.rows().size(); i++) {
      addRow(i, model.rows().get(i));
    }
    updateButtons();
  }

  private List<ColumnConstraints> columns() {
    var out = new ArrayList<ColumnConstraints>();
    double[] widths = {100, 130, 60, 70, 90, 70, 160};
    environmentGrid.setHgap(8);
    environmentGrid.setVgap(4);
    for (int c = 0; c < widths.length; c++) {
      var column = new ColumnConstraints();
      column.setMinWidth(c < 2 ? 70 : widths[c]);
      column.setPrefWidth(widths[c]);
      column.setHgrow(c < 2 ? Priority.ALWAYS : Priority.NEVER);
      column.setHalignment(c == 5 ? HPos.CENTER : HPos.LEFT);
      out.add(column);
    }
    return out;
  }

  private void addRow(int index, EnvironmentInput row) {
    int number = index + 1;
    int line = 1 + 2 * index;
    var name = cell("environmentName", index, "name", row.name(), null);
    var branch = cell("environmentBranch", index, "branch", row.branch(), null);
    var count = cell("environmentCount", index, "desiredCount", row.desiredCount(),
        messages.format("environments.default", model.setupDesiredCount()));
    var cpu = cell("environmentCpu", index, "cpu", row.cpu(),
        messages.format("environments.default", model.setupCpu()));
    var memory = cell("environmentMemory", index, "memory", row.memory(),
        messages.format("environments.default", model.setupMemory()));
    Inputs.digitsOnly(count, cpu, memory);
    var approval = new CheckBox();
    approval.setId("environmentApproval" + index);
    approval.setAccessibleText(messages.format("environments.accessible.approval", number));
    approval.selectedProperty().bindBidirectional(row.approval());
    approval.setTooltip(new Tooltip(messages.get("environments.approval.tip")));
    var up = new Button("↑");
    up.setId("environmentUp" + index);
    up.setAccessibleText(messages.format("environments.accessible.up", number));
    up.setOnAction(e -> model.moveUp(index));
    var down = new Button("↓");
    down.setId("environmentDown" + index);
    down.setAccessibleText(messages.format("environments.accessible.down", number));
    down.setOnAction(e -> model.moveDown(index));
    var remove = new Button(messages.get("environments.remove"));
    remove.setId("environmentRemove" + index);
    remove.setAccessibleText(messages.format("environments.accessible.remove", number));
    remove.setOnAction(e -> model.remove(index));
    var buttons = new HBox(up, down, remove);
    buttons.getStyleClass().add("input-row");
    int size = model.rows().size();
    explain(holder(up), up, index > 0, messages.get("environments.up.tip"), messages.get("environments.up.first"));
    explain(holder(down), down, index + 1 < size, messages.get("environments.down.tip"),
        messages.get("environments.down.last"));
    explain(holder(remove), remove, size > 1, messages.get("environments.remove.tip"),
        messages.get("environments.remove.only"));
    Node[] cells = {name, branch, count, cpu, memory, approval, buttons};
    for (int c = 0; c < cells.length; c++) {
      environmentGrid.add(cells[c], c, line);
    }
    name.setUserData(row);
    var error = new Label();
    error.setId("environmentError" + index);
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.textProperty().bind(rowError(index));
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.textProperty().isNotEmpty());
    environmentGrid.add(error, 0, line + 1, cells.length, 1);
  }

  private TextField cell(String id, int index, String column, javafx.beans.property.StringProperty value,
      String prompt) {
    var field = new TextField();
    field.setId(id + index);
    field.setAccessibleText(messages.format("environments.accessible." + column, index + 1));
    field.textProperty().bindBidirectional(value);
    if (prompt != null) {
      field.setPromptText(prompt);
    }
    var problem = model.error(EnvironmentsViewModel.cellField(index, column));
    problem.subscribe(text -> field.pseudoClassStateChanged(DANGER,
        !text.isEmpty()));
    field.setMaxWidth(Double.MAX_VALUE);
    return field;
  }

  /**
   * The problems of a row, each after its column's label (under a whole row, "must be unique" needs to say of
   * what): the name, branch and sizes typed, and the listener ports the row derives.
   */
  private ObservableValue<String> rowError(int index) {
    var parts = new ArrayList<javafx.beans.value.ObservableStringValue>();
    var sources = new ArrayList<javafx.beans.Observable>();
    var labels = new ArrayList<String>();
    for (String column : EnvironmentsViewModel.COLUMNS) {
      parts.add(model.error(EnvironmentsViewModel.cellField(index, column)));
      labels.add(messages.get("environments.column." + column));
    }
    parts.add(model.error(EnvironmentsViewModel.rowField(index)));
    labels.add(null);
    sources.addAll(parts);
    return Bindings.createStringBinding(() -> {
      var lines = new ArrayList<String>();
      for (int p = 0; p < parts.size(); p++) {
        String text = parts.get(p).get();
        if (text == null || text.isEmpty()) {
          continue;
        }
        for (String one : text.split("\n")) {
          lines.add(labels.get(p) == null ? one : messages.format("environments.cellProblem", labels.get(p), one));
        }
      }
      return String.join("\n", lines);
    }, sources.toArray(javafx.beans.Observable[]::new));
  }

  /**
   * Enables Add while there is room, and says in its holder's tooltip what it does or why it cannot. The row
   * buttons are set when their row is built: every change of the rows rebuilds them.
   */
  private void updateButtons() {
    explain(addHolder, addEnvironmentButton, model.canAdd(),
        messages.get("environments.add.tip"), messages.format("environments.add.full", Environments.MAX));
  }

  private static void explain(Label holder, Button button, boolean enabled, String tip, String why) {
    button.setDisable(!enabled);
    var tooltip = new Tooltip(enabled ? tip : why);
    tooltip.setWrapText(true);
    tooltip.setMaxWidth(420);
    holder.setTooltip(tooltip);
  }

  /** Puts {@code button} in a label, in its place, that carries its tooltip (a disabled button shows none). */
  private static Label holder(Button button) {
    var bar = (javafx.scene.layout.Pane) button.getParent();
    int at = bar.getChildren().indexOf(button);
    var holder = new Label();
    holder.setId(button.getId() + "Holder");
    holder.setMinWidth(Label.USE_PREF_SIZE);
    bar.getChildren().set(at, holder);
    holder.setGraphic(button);
    return holder;
  }
}
