package org.bgwizard.ui.pages;

import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;
import org.bgwizard.ui.services.DashboardLauncher;

/**
 * The Done page: the service's URLs (each environment's, in a setup with environments), the dashboard (the
 * environments overview), the console pages, and the commands for later.
 */
public final class DoneController {
  @FXML private Label costReminder;
  @FXML private GridPane urlGrid;
  @FXML private Label dashboardIntro;
  @FXML private TextField productionUrl;
  @FXML private TextField testUrl;
  @FXML private Button openProduction;
  @FXML private Button openTest;
  @FXML private Label intro;
  @FXML private Label urlsHeading;
  @FXML private Label urlsNote;
  @FXML private Label problem;
  @FXML private Button dashboardButton;
  @FXML private Button startPipelineButton;
  @FXML private Button cloudFormationButton;
  @FXML private Label pipelineStarted;
  @FXML private Button moveToStackButton;
  @FXML private Label stackStatus;
  @FXML private Label consoleNote;
  @FXML private VBox consoleLinks;
  @FXML private Label cliCommands;

  @FXML
  private VBox changesSection;
  @FXML
  private Label changes;
  private final DoneViewModel model;
  private final DashboardLauncher dashboards;
  private final Messages messages;
  private final Path setupFile;
  private final Dialogs dialogs;

  /** {@code setupFile}: where the wizard kept the setup, for the commands shown. */
  public DoneController(DoneViewModel model, DashboardLauncher dashboards, Messages messages, Path setupFile,
      Dialogs dialogs) {
    this.model = model;
    this.dashboards = dashboards;
    this.messages = messages;
    this.setupFile = setupFile;
    this.dialogs = dialogs;
  }

  @FXML
  private void initialize() {
    boolean simulated = model.simulated();
    costReminder.setVisible(!simulated);
    costReminder.setManaged(!simulated);
    changes.setText(String.join("\n", model.changes().stream().map(line -> "• " + line).toList()));
    changesSection.setVisible(!model.changes().isEmpty());
    changesSection.setManaged(!model.changes().isEmpty());
    productionUrl.textProperty().bind(model.productionUrl());
    testUrl.textProperty().bind(model.testUrl());
    // the simulated load balancer's name resolves nowhere: the dashboard shows which version each port serves
    openProduction.setVisible(!simulated);
    openTest.setVisible(!simulated);
    openProduction.disableProperty().bind(model.productionUrl().isEmpty());
    openTest.disableProperty().bind(model.testUrl().isEmpty());
    urlsNote.setText(messages.get(simulated ? "done.urls.simulated" : "done.urls.real"));
    if (!model.environments().isEmpty()) {
      if (simulated) {
        urlsNote.setText(messages.get("done.urls.simulated.environments"));
      }
      environments(simulated);
    }
    startPipelineButton.disableProperty().bind(model.startingPipeline());
    pipelineStarted.textProperty().bind(model.pipelineStarted());
    Toggles.showWhen(model.pipelineStarted().isNotEmpty(), pipelineStarted);
    problem.textProperty().bind(model.problem());
    stackStatus.textProperty().bind(model.stackStatus());
    Toggles.showWhen(model.stackStatus().isNotEmpty(), stackStatus);
    Toggles.showWhen(model.problem().isNotEmpty(), problem);
    consoleNote.setText(messages.get(simulated ? "done.console.simulated" : "done.console.intro"));
    if (!simulated) {
      model.consoleLinks().forEach(console -> {
        var link = new Hyperlink(console.label());
        link.setId(console.id());
        link.setOnAction(e -> model.browse(console.url()));
        consoleLinks.getChildren().add(link);
      });
    }
    String file = setupFile.toString();
    String connection = simulated ? " --sandbox" : "";
    String command = model.command();
    var envs = model.environments();
    // with more than one environment, --watch follows one: the first, where a change arrives first
    cliCommands.setText(String.join("\n", envs.size() < 2 ? List.of(
        command + " status " + file + connection,
        command + " status " + file + connection + " --watch",
        command + " teardown " + file + connection) : List.of(
        command + " status " + file + connection,
        command + " status " + file + connection + " --env " + envs.get(0) + " --watch",
        command + " deploy promote " + file + connection + " --from " + envs.get(0) + " --to " + envs.get(1),
        command + " teardown " + file + connection + " --env " + envs.get(0),
        command + " teardown " + file + connection)));
    model.load();
  }

  /**
   * A setup with environments: each environment's production and test URLs (filled once read), the first
   * environment's pipeline to start, and the environments overview instead of one dashboard.
   */
  private void environments(boolean simulated) {
    urlGrid.getChildren().clear();
    model.environmentUrls().subscribe(() -> {
      urlGrid.getChildren().clear();
      int row = 0;
      for (var env : model.environmentUrls()) {
        // the environment's name above its two URLs, so the long load balancer names get the width
        var name = new Label(env.environment());
        name.setId("environmentUrls-" + env.environment());
        name.setStyle("-fx-font-weight: bold;");
        urlGrid.add(name, 0, row++, 3, 1);
        urlRow(row++, "done.production", "productionUrl-" + env.environment(), env.production(), simulated);
        urlRow(row++, "done.test", "testUrl-" + env.environment(), env.test(), simulated);
      }
    });
    var envs = model.environments();
    urlsHeading.setText(messages.get("done.section.urls.environments"));
    intro.setText(messages.format("step.done.about.environments", envs.get(0), String.join(" → ", envs)));
    dashboardIntro.setText(messages.get("done.overview.intro"));
    dashboardButton.setText(messages.get("done.overview"));
    startPipelineButton.setText(messages.format("done.startPipeline.environment", model.environments().get(0)));
  }

  private void urlRow(int row, String label, String id, String url, boolean simulated) {
    var name = new Label(messages.get(label));
    name.setMinWidth(Region.USE_PREF_SIZE);
    var field = new TextField(url);
    field.setId(id);
    field.setEditable(false);
    field.setPrefColumnCount(44);
    GridPane.setHgrow(field, Priority.ALWAYS);
    urlGrid.add(name, 0, row);
    urlGrid.add(field, 1, row);
    if (!simulated) {
      var open = new Button(messages.get("done.open"));
      open.setOnAction(e -> model.browse(url));
      urlGrid.add(open, 2, row);
    }
  }

  @FXML
  private void openProduction() {
    model.browse(model.productionUrl().get());
  }

  @FXML
  private void openTest() {
    model.browse(model.testUrl().get());
  }

  @FXML
  private void startPipeline() {
    model.startPipeline();
  }

  @FXML
  private void openDashboard() {
    dashboards.open(model.spec(), setupFile, dashboardButton.getScene().getWindow());
  }

  /** The dialog of "Move under CloudFormation…" while it is open: the button brings it to the front. */
  private javafx.scene.control.Dialog<?> stackDialog;

  /** The stack's name, then the import files into a folder the user picks, the commands and "I have run the import". */
  @FXML
  private void moveToStack() {
    var window = moveToStackButton.getScene().getWindow();
    if (stackDialog != null && stackDialog.isShowing()) {
      ((javafx.stage.Stage) stackDialog.getDialogPane().getScene().getWindow()).toFront();
      return;
    }
    stackDialog = StackImportDialog.show(window, model, messages, (stack, then) -> {
      var owner = stackDialog.getDialogPane().getScene().getWindow();
      dialogs.chooseFolder(owner, messages.get("stack.import.title")).ifPresent(folder -> model.prepareImport(folder,
          setupFile, stack, files -> {
            if (!files.replaced().isEmpty() && !dialogs.confirm(owner, new Dialogs.Question(
                messages.get("stack.import.title"),
                messages.format("stack.import.overwrite.header", files.replaced().size(), folder),
                String.join("\n", files.replaced().stream().map(Path::toString).toList()),
                messages.get("stack.import.overwrite.yes"), messages.get("stack.import.overwrite.no")))) {
              return;
            }
            model.writeImport(files, then);
          }));
    }, model::recordImport);
  }

  @FXML
  private void exportCloudFormation() {
    CloudFormationSave.save(model.spec(), cloudFormationButton.getScene().getWindow(), dialogs, messages);
  }
}
