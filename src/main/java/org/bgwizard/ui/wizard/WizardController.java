package org.bgwizard.ui.wizard;

import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Dialogs.Question;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.DashboardLauncher;
import org.bgwizard.ui.services.WizardSession;

/** The wizard window's frame: menus, step list, header, page area and the Back / Next / Cancel bar. */
public final class WizardController {
  @FXML private BorderPane root;
  @FXML private RadioMenuItem englishItem;
  @FXML private RadioMenuItem japaneseItem;
  @FXML private RadioMenuItem lightItem;
  @FXML private RadioMenuItem darkItem;
  @FXML private ListView<Step> stepList;
  @FXML private Label stepCounter;
  @FXML private Label stepTitle;
  @FXML private StackPane pageArea;
  @FXML private Button backButton;
  @FXML private Button nextButton;

  private final WizardModel model;
  private final ViewSettings settings;
  private final Dialogs dialogs;
  private final Messages messages;
  private final Pages pages;
  private final SetupFiles files;
  private final WizardSession session;
  private Subscription subscription = Subscription.EMPTY;

  public WizardController(WizardModel model, ViewSettings settings, Dialogs dialogs, Messages messages, Pages pages,
      SetupFiles files, WizardSession session) {
    this.session = session;
    this.model = model;
    this.settings = settings;
    this.dialogs = dialogs;
    this.messages = messages;
    this.pages = pages;
    this.files = files;
  }

  @FXML
  private void initialize() {
    stepList.setItems(FXCollections.observableArrayList(Step.values()));
    stepList.setCellFactory(list -> new StepCell(model, messages));
    stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> choose(chosen));
    stepList.addEventFilter(KeyEvent.KEY_PRESSED, this::keepWizardKeys);
    backButton.disableProperty().bind(model.backDisabled());
    nextButton.disableProperty().bind(model.nextDisabled());
    englishItem.setSelected(!settings.locale().get().getLanguage().equals(Locale.JAPANESE.getLanguage()));
    japaneseItem.setSelected(!englishItem.isSelected());
    lightItem.setSelected(settings.theme().get() == Theme.LIGHT);
    darkItem.setSelected(settings.theme().get() == Theme.DARK);
    // switching the language rebuilds the window: not while a run reports into it
    englishItem.disableProperty().bind(model.processing());
    japaneseItem.disableProperty().bind(model.processing());
    subscription = model.currentStep().subscribe(this::show);
  }

  /** Stops following the model; called when this view is replaced (language switch). */
  public void dispose() {
    subscription.unsubscribe();
  }

  /** Asks whether to close the wizard; true when the user confirmed. */
  public boolean confirmClose() {
    return dialogs.confirm(window(), new Question(messages.get("cancel.title"), messages.get("cancel.header"),
        messages.get("cancel.details"), messages.get("cancel.confirm"), messages.get("cancel.decline")));
  }

  private void show(Step step) {
    stepCounter.setText(messages.format("header.counter", step.ordinal() + 1, Step.values().length));
    stepTitle.setText(messages.get(step.titleKey(model.spec().get().strategy())));
    boolean focusInPage = focusIsIn(pageArea);
    pageArea.getChildren().setAll(pages.page(step, model.spec().get()));
    if (focusInPage) {
      // The focused node has just left the scene; without this, Enter would reach nothing.
      (nextButton.isDisabled() ? stepList : nextButton).requestFocus();
    }
    stepList.getSelectionModel().select(step);
    stepList.refresh();
  }

  private boolean focusIsIn(Node area) {
    var scene = area.getScene();
    for (Node node = scene == null ? null : scene.getFocusOwner(); node != null; node = node.getParent()) {
      if (node == area) {
        return true;
      }
    }
    return false;
  }

  private void choose(Step chosen) {
    if (chosen != null && chosen != model.currentStep().get() && !model.goTo(chosen)) {
      // Undo the list's own selection after it has finished changing it.
      Platform.runLater(() -> stepList.getSelectionModel().select(model.currentStep().get()));
    }
  }

  // A ListView consumes Enter and Escape (edit keys) before the default and cancel buttons see them.
  private void keepWizardKeys(KeyEvent event) {
    if (event.getCode() == KeyCode.ENTER) {
      event.consume();
      next();
    } else if (event.getCode() == KeyCode.ESCAPE) {
      event.consume();
      cancel();
    }
  }

  @FXML
  private void next() {
    model.next();
  }

  @FXML
  private void back() {
    model.back();
  }

  @FXML
  private void cancel() {
    if (confirmClose()) {
      window().hide();
    }
  }

  @FXML
  private void newSetup() {
    if (files.startOver(window())) {
      show(model.currentStep().get());
    }
  }

  @FXML
  private void open() {
    if (files.open(window())) {
      show(model.currentStep().get());
    }
  }

  @FXML
  private void saveAs() {
    files.saveAs(window());
  }

  @FXML
  private void openDashboard() {
    new DashboardLauncher(session, dialogs, messages).open(model.spec().get(), window());
  }

  @FXML
  private void pickDashboard() {
    new DashboardLauncher(session, dialogs, messages).pick(window());
  }

  @FXML
  private void showAbout() {
    dialogs.info(window(), messages.get("help.about.title"), messages.get("help.about.header"),
        messages.get("help.about.details"));
  }

  @FXML
  private void useEnglish() {
    settings.locale().set(Locale.ENGLISH);
  }

  @FXML
  private void useJapanese() {
    settings.locale().set(Locale.JAPANESE);
  }

  @FXML
  private void useLightTheme() {
    settings.theme().set(Theme.LIGHT);
  }

  @FXML
  private void useDarkTheme() {
    settings.theme().set(Theme.DARK);
  }

  private Window window() {
    return root.getScene().getWindow();
  }
}
