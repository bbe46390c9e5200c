package org.bgwizard.ui.pages;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.bgwizard.artifacts.Finding;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.CodeHighlighter;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;

/** The Review page: preflight findings, the generated files, exporting them, and the same on the command line. */
public final class ReviewController {
  @FXML private VBox findingList;
  @FXML private Label noFindings;
  @FXML private CheckBox acceptWarnings;
  @FXML private Label errorsBlock;
  @FXML private TabPane fileTabs;
  @FXML private Button exportButton;
  @FXML private Button cloudFormationButton;
  @FXML private Button cliScriptButton;
  @FXML private Label exportStatus;
  @FXML private Label cliCommands;
  @FXML private Label planStatus;
  @FXML private TableView<PlanPreview.Row> planTable;
  @FXML private TableColumn<PlanPreview.Row, String> planResource;
  @FXML private TableColumn<PlanPreview.Row, String> planAction;
  @FXML private TableColumn<PlanPreview.Row, String> planDifferences;
  @FXML private Button commitButton;
  @FXML private Label commitStatus;

  private final ReviewViewModel model;
  private final PlanPreview plan;
  private final Dialogs dialogs;
  private final BackgroundExecutor executor;
  private final Messages messages;

  public ReviewController(ReviewViewModel model, PlanPreview plan, Dialogs dialogs, BackgroundExecutor executor,
      Messages messages) {
    this.model = model;
    this.plan = plan;
    this.dialogs = dialogs;
    this.executor = executor;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    // the script is the plan looked up in the account: nothing to save before it is shown
    cliScriptButton.disableProperty().bind(plan.shownPlan().isNull());
    for (Finding finding : model.findings()) {
      findingList.getChildren().add(row(finding));
    }
    noFindings.setVisible(model.findings().isEmpty());
    noFindings.setManaged(model.findings().isEmpty());
    acceptWarnings.selectedProperty().bindBidirectional(model.warningsAccepted());
    acceptWarnings.setVisible(model.hasWarnings() && !model.hasErrors());
    acceptWarnings.setManaged(acceptWarnings.isVisible());
    errorsBlock.setVisible(model.hasErrors());
    errorsBlock.setManaged(model.hasErrors());
    for (var file : model.files()) {
      var flow = new TextFlow();
      flow.getStyleClass().add("code-view");
      flow.getChildren().setAll(CodeHighlighter.texts(file.path(), file.content()));
      var scroll = new ScrollPane(flow);
      scroll.getStyleClass().add("code-scroll");
      var tab = new Tab(file.path(), scroll);
      tab.setClosable(false);
      tab.setId("file-" + file.path());
      fileTabs.getTabs().add(tab);
    }
    cliCommands.setText(String.join("\n", model.cliCommands(plan.command(), plan.connectionFlags())));
    Toggles.showWhen(exportStatus.textProperty().isNotEmpty(), exportStatus);
    planTable.setItems(plan.rows());
    planTable.setPlaceholder(new Label(messages.get("review.plan.empty")));
    planResource.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().resource()));
    planAction.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().action()));
    planDifferences.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().differences()));
    planDifferences.setCellFactory(column -> new TableCell<>() {
      @Override
      protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(blank ? null : text);
        setTooltip(blank ? null : wrapped(text));
      }
    });
    // an empty column would take the width the resource names need
    planDifferences.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> plan.rows().stream().anyMatch(row -> row.differences() != null && !row.differences().isBlank()),
        plan.rows()));
    planStatus.textProperty().bind(plan.status());
    plan.rows().addListener((ListChangeListener<PlanPreview.Row>) change -> plan.rows().stream()
        .filter(PlanPreview.Row::couldNotLook).findFirst().ifPresent(planTable::scrollTo));
    commitButton.setVisible(plan.canCommit());
    commitButton.setManaged(plan.canCommit());
    commitButton.disableProperty().bind(plan.committing());
    commitStatus.textProperty().bind(plan.commitStatus());
    Toggles.showWhen(plan.commitStatus().isNotEmpty(), commitStatus);
    plan.load();
  }

  @FXML
  private void commit() {
    var window = commitButton.getScene().getWindow();
    String repository = model.spec().source().repository();
    String branch = model.spec().source().branch();
    if (dialogs.confirm(window, new Dialogs.Question(messages.get("review.commit.title"),
        messages.format("review.commit.header", model.files().size(), repository, branch),
        messages.get("review.commit.details"), messages.get("review.commit.confirm"),
        messages.get("review.commit.decline")))) {
      plan.commit(model.files());
    }
  }

  /** The whole text of a cell the column cuts short (AWS's reason for a resource it would not show). */
  private static Tooltip wrapped(String text) {
    var tip = new Tooltip(text);
    tip.setWrapText(true);
    tip.setMaxWidth(560);
    return tip;
  }

  private HBox row(Finding finding) {
    var icon = new Label(switch (finding.severity()) {
      case ERROR -> "✖";
      case WARNING -> "⚠";
      case INFO -> "ℹ";
    });
    icon.getStyleClass().addAll("finding-icon", "finding-" + finding.severity().name().toLowerCase(Locale.ROOT));
    String place = finding.file() + (finding.line() == null ? "" : ":" + finding.line());
    var text = new Label(messages.format("review.finding", place, finding.message(messages.locale()),
        finding.fix(messages.locale())));
    text.setWrapText(true);
    var row = new HBox(icon, text);
    row.getStyleClass().add("finding-row");
    return row;
  }

  @FXML
  private void export() {
    var window = exportButton.getScene().getWindow();
    dialogs.chooseFolder(window, messages.get("review.export.title")).ifPresent(folder -> {
      exportButton.setDisable(true);
      executor.submit(BackgroundTask.of(() -> model.export(folder))
          .onSuccess((List<Path> written) -> exportStatus.setText(
              messages.format("review.export.done", written.size(), folder)))
          .onError(error -> dialogs.error(window, messages.get("review.export.title"),
              messages.get("review.export.failed"), String.valueOf(error.getMessage())))
          .andFinally(() -> exportButton.setDisable(false)));
    });
  }

  /**
   * "Save as AWS CLI script…": the plan shown, as {@code export --format cli} writes it, to a file the user picks. It
   * needs the plan looked up in the account (the commands name its account, VPC and what exists already).
   */
  @FXML
  private void saveCliScript() {
    var window = cliScriptButton.getScene().getWindow();
    String title = messages.get("review.cliScript.title");
    var script = plan.cliScript();
    if (script.isEmpty()) {
      return;
    }
    dialogs.chooseFileToSave(window, new Dialogs.FileRequest(title, messages.get("review.cliScript.filter"), "*.sh",
        model.spec().name() + "-setup.sh")).ifPresent(file -> {
          try {
            org.bgwizard.util.AtomicFiles.write(file, script.get());
            exportStatus.setText(messages.format("review.cliScript.done", file));
          } catch (java.io.IOException e) {
            dialogs.error(window, title, messages.get("review.cliScript.failed"), String.valueOf(e.getMessage()));
          }
        });
  }

  @FXML
  private void exportCloudFormation() {
    CloudFormationSave.save(model.spec(), cloudFormationButton.getScene().getWindow(), dialogs, messages);
  }
}
