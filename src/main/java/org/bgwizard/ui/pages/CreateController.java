package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepState;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Dialogs.Question;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;
import org.bgwizard.ui.pages.CreateViewModel.Phase;
import org.bgwizard.ui.pages.CreateViewModel.TeardownPreview;
import org.bgwizard.ui.services.WizardSession;

/** The Create page: plan and run table, progress, elapsed time, log, and the Create / Cancel / Teardown buttons. */
public final class CreateController {
  @FXML private VBox intro;
  @FXML private HBox handshakeBar;
  @FXML private Button createButton;
  @FXML private Button cancelRunButton;
  @FXML private Button teardownButton;
  @FXML private ProgressBar progressBar;
  @FXML private Label elapsedLabel;
  @FXML private Label summaryLabel;
  @FXML private TextArea problemText;
  @FXML private TableView<StepRow> stepTable;
  @FXML private TableColumn<StepRow, StepState> stateColumn;
  @FXML private TableColumn<StepRow, String> resourceColumn;
  @FXML private TableColumn<StepRow, String> detailColumn;
  @FXML private ListView<String> logList;

  private final CreateViewModel model;
  private final Dialogs dialogs;
  private final Messages messages;
  private final boolean simulated;
  private final Timeline ticker;

  private final WizardSession session;

  /** {@code session} opens the console's link and, in the simulated account, does the console's handshake. */
  public CreateController(CreateViewModel model, Dialogs dialogs, Messages messages, boolean simulated,
      WizardSession session) {
    this.model = model;
    this.session = session;
    this.dialogs = dialogs;
    this.messages = messages;
    this.simulated = simulated;
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);
  }

  @FXML
  private void initialize() {
    stepTable.setItems(model.rows());
    stepTable.setPlaceholder(new Label(messages.get("create.table.empty")));
    stateColumn.setCellValueFactory(cell -> cell.getValue().state());
    stateColumn.setCellFactory(column -> new StateCell(messages));
    resourceColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().label()));
    detailColumn.setCellValueFactory(cell -> cell.getValue().detail());
    logList.setItems(model.log());
    model.log().addListener((ListChangeListener<String>) change -> logList.scrollTo(model.log().size() - 1));
    progressBar.progressProperty().bind(model.progress());
    elapsedLabel.textProperty().bind(model.elapsed());
    summaryLabel.textProperty().bind(model.summary());
    problemText.textProperty().bind(model.problem());
    Toggles.showWhen(model.problem().isNotEmpty(), problemText);
    Toggles.showWhen(model.summary().isNotEmpty(), summaryLabel);
    createButton.disableProperty().bind(model.canCreate().not());
    cancelRunButton.disableProperty().bind(model.canCancel().not());
    teardownButton.disableProperty().bind(model.canTeardown().not());
    // the explanation is for before the first run; afterwards the run needs the room
    Toggles.showWhen(Bindings.createBooleanBinding(() -> model.phase().get().beforeRun(), model.phase()), intro);
    model.phase().subscribe(this::phaseChanged);
    HandshakeBar.install(handshakeBar, model.rows(), session, messages, model.spec().region(), simulated);
  }

  private void phaseChanged(Phase phase) {
    createButton.setText(model.createLabel());
    if (phase == Phase.FAILED || phase == Phase.DELETE_FAILED) {
      model.rows().stream().filter(r -> r.state().get() == StepState.FAILED).findFirst().ifPresent(failed -> {
        stepTable.getSelectionModel().select(failed);
        stepTable.scrollTo(Math.max(0, model.rows().indexOf(failed) - 1));
      });
    }
    if (phase == Phase.CREATING || phase == Phase.DELETING) {
      ticker.play();
    } else if (!model.running().get()) {
      ticker.stop();
    }
  }

  @FXML
  private void create() {
    var replacing = model.replacements();
    if (!replacing.isEmpty()) {
      if (dialogs.confirm(window(), new Question(messages.get("create.replace.title"),
          messages.format("create.replace.header", replacing.size()), messages.format("create.replace.details",
              replacing.stream().map(r -> "• " + model.label(r.ref()) + ": " + r.cost())
                  .collect(Collectors.joining("\n"))), messages.format("create.replace.yes", replacing.size()),
          messages.get("create.replace.no")))) {
        model.create();
      }
      return;
    }
    if (!simulated && !dialogs.confirm(window(), new Question(messages.get("create.confirm.title"),
        messages.format("create.confirm.header", model.rows().size(), model.spec().region()),
        messages.get("create.confirm.details"), messages.get("create.confirm.yes"), messages.get("create.confirm.no")))) {
      return;
    }
    model.create();
  }

  @FXML
  private void cancelRun() {
    model.cancel();
  }

  @FXML
  private void teardown() {
    model.teardownPreview(this::confirmTeardown);
  }

  private void confirmTeardown(TeardownPreview preview) {
    if (preview.deletes().isEmpty()) {
      dialogs.info(window(), messages.get("teardown.title"), messages.get("teardown.nothing"), "");
      return;
    }
    String details = messages.format("teardown.details", list(preview.deletes()),
        preview.kept().isEmpty() ? messages.get("teardown.kept.none") : list(preview.kept()));
    if (dialogs.confirm(window(), new Question(messages.get("teardown.title"),
        messages.format("teardown.header", preview.deletes().size(), model.spec().name()), details,
        messages.format("teardown.confirm", preview.deletes().size()), messages.get("teardown.decline")))) {
      model.teardown(preview);
    }
  }

  private String list(List<ResourceRef> refs) {
    return refs.stream().map(ref -> "• " + model.label(ref)).collect(Collectors.joining("\n"));
  }

  private Window window() {
    return createButton.getScene().getWindow();
  }

  /** A step's state as a word with a mark, coloured by the theme. */
  private static final class StateCell extends TableCell<StepRow, StepState> {
    private final Messages messages;

    StateCell(Messages messages) {
      this.messages = messages;
    }

    @Override
    protected void updateItem(StepState state, boolean empty) {
      super.updateItem(state, empty);
      getStyleClass().removeIf(c -> c.startsWith("step-state-"));
      if (empty || state == null) {
        setText(null);
        return;
      }
      String key = state.name().toLowerCase(Locale.ROOT);
      setText(mark(state) + " " + messages.get("create.state." + key));
      getStyleClass().add("step-state-" + key);
    }

    private static String mark(StepState state) {
      return switch (state) {
        case WAITING -> "○";
        case RUNNING -> "◐";
        case DONE -> "✔";
        case FAILED -> "✖";
        case SKIPPED -> "–";
        case CANCELLED -> "■";
      };
    }
  }
}
