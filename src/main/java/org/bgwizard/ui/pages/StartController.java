package org.bgwizard.ui.pages;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.bgwizard.aws.Connection.Mode;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Toggles;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.services.DashboardLauncher;
import org.bgwizard.ui.services.RecentSetups;

/** The Start page: where to work, the identity once connected, and opening a setup made before. */
public final class StartController {
  @FXML private ToggleGroup modeGroup;
  @FXML private RadioButton profileMode;
  @FXML private VBox newCustomerBox;
  @FXML private CheckBox newCustomer;
  @FXML private RadioButton defaultChainMode;
  @FXML private Label defaultChainNote;
  @FXML private FormField profileField;
  @FXML private VBox profileSection;
  @FXML private VBox connectionFields;
  @FXML private VBox recentSection;
  @FXML private ComboBox<String> profile;
  @FXML private FormField endpointField;
  @FXML private TextField endpoint;
  @FXML private ComboBox<String> region;
  @FXML private Label ssoHint;
  @FXML private Button connectButton;
  @FXML private Label identity;
  @FXML private Label connectionProblem;
  @FXML private ListView<RecentSetups.Entry> recentList;
  @FXML private Button openRecentButton;
  @FXML private Label noRecent;
  @FXML private Button recentDashboardButton;
  @FXML private Button pickDashboardButton;

  private final StartViewModel model;
  private final SetupLoader files;
  private final Messages messages;
  private final DashboardLauncher dashboards;
  private final Supplier<SetupSpec> loaded;

  /** {@code loaded} is the wizard's setup, which {@link SetupLoader#load} replaces. */
  public StartController(StartViewModel model, SetupLoader files, Messages messages, DashboardLauncher dashboards,
      Supplier<SetupSpec> loaded) {
    this.model = model;
    this.files = files;
    this.messages = messages;
    this.dashboards = dashboards;
    this.loaded = loaded;
  }

  @FXML
  private void initialize() {
    Toggles.bind(modeGroup, model.mode(), Mode::valueOf);
    newCustomer.selectedProperty().bindBidirectional(model.newCustomer());
    Toggles.showWhen(model.mode().isEqualTo(Mode.SANDBOX), newCustomerBox);
    profileMode.disableProperty().bind(Bindings.isEmpty(model.profileNames()));
    Toggles.showWhen(model.defaultChainFound(), defaultChainMode, defaultChainNote);
    profile.setItems(model.profileNames());
    profile.valueProperty().bindBidirectional(model.profile());
    // Their controls join the page (and get their skins) only once they apply: a lighter first window.
    var usesConnectionFields = model.mode().isNotEqualTo(Mode.SANDBOX);
    placeWhenFirstTrue(usesConnectionFields, profileSection, connectionFields);
    Toggles.showWhen(usesConnectionFields, profileSection);
    Toggles.showWhen(model.mode().isNotEqualTo(Mode.DEFAULT_CHAIN), profileField);
    Toggles.showWhen(model.mode().isEqualTo(Mode.ENDPOINT), endpointField);
    endpoint.textProperty().bindBidirectional(model.endpoint());
    region.setItems(FXCollections.observableList(BasicsViewModel.REGIONS));
    // the value too, not only the text typed: the skin, made when the field joins the page, shows the value
    region.valueProperty().bindBidirectional(model.region());
    region.getEditor().textProperty().bindBidirectional(model.region());
    ssoHint.textProperty().bind(model.ssoHint());
    Toggles.showWhen(model.ssoHint().isNotEmpty(), ssoHint);
    connectButton.disableProperty().bind(model.connecting());
    identity.textProperty().bind(model.status());
    Toggles.showWhen(model.status().isNotEmpty(), identity);
    connectionProblem.textProperty().bind(model.problem());
    Toggles.showWhen(model.problem().isNotEmpty(), connectionProblem);
    recentList.setItems(model.recent());
    recentList.setCellFactory(list -> new RecentCell());
    var anyRecent = Bindings.isNotEmpty(model.recent());
    placeWhenFirstTrue(anyRecent, recentSection, recentList);
    Toggles.showWhen(anyRecent, recentSection, openRecentButton);
    Toggles.showWhen(anyRecent.not(), noRecent);
    openRecentButton.disableProperty().bind(recentList.getSelectionModel().selectedItemProperty().isNull());
    Toggles.showWhen(anyRecent, recentDashboardButton);
    recentDashboardButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      var chosen = recentList.getSelectionModel().getSelectedItem();
      return chosen == null || !chosen.created() || model.connecting().get();
    }, recentList.getSelectionModel().selectedItemProperty(), model.connecting()));
    pickDashboardButton.disableProperty().bind(model.connecting());
  }

  private static void placeWhenFirstTrue(ObservableBooleanValue condition, VBox place, Node content) {
    condition.subscribe(applies -> {
      if (applies && place.getChildren().isEmpty()) {
        place.getChildren().add(content);
      }
    });
  }

  @FXML
  private void openRecentDashboard() {
    var chosen = recentList.getSelectionModel().getSelectedItem();
    var window = window();
    if (chosen != null && files.load(chosen.file(), window)) {
      model.refreshRecent();
      var spec = loaded.get();
      model.connectThen(() -> dashboards.open(spec, chosen.file(), window));
    }
  }

  @FXML
  private void pickDashboard() {
    var window = window();
    model.connectThen(() -> dashboards.pick(window));
  }

  @FXML
  private void connect() {
    model.connect();
  }

  @FXML
  private void openFile() {
    if (files.open(window())) {
      model.refreshRecent();
    }
  }

  @FXML
  private void openRecent() {
    var chosen = recentList.getSelectionModel().getSelectedItem();
    if (chosen != null && files.load(chosen.file(), window())) {
      model.refreshRecent();
    }
  }

  private Window window() {
    return connectButton.getScene().getWindow();
  }

  private final class RecentCell extends ListCell<RecentSetups.Entry> {
    @Override
    protected void updateItem(RecentSetups.Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      setText(empty || entry == null ? null : messages.format(entry.adopted() ? "start.recent.adopted"
          : entry.created() ? "start.recent.created"
          : "start.recent.draft", entry.name(), entry.file()));
    }
  }
}
