package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepState;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.codeconnections.model.ProviderType;

/**
 * What a learner needs of the simulated account in the wizard, as the commands' --sandbox-new-account and
 * --sandbox-complete-handshake give it: acting as a new AWS customer (Start page), and the console's part of a
 * connection's handshake (Create page).
 */
@ExtendWith(ApplicationExtension.class)
class SimulatedCustomerPagesTest {
  @TempDir Path dataDir;
  private Connector sandbox;
  private Stage stage;

  @BeforeEach
  void simulatedAccount() {
    sandbox = TestWorkspaces.sandbox(dataDir.resolve("sandbox"));
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void startPage_newCustomerBox_chosenBeforeConnecting_makesTheAccountRefuseCodeCommit(FxRobot robot) {
    WizardSession session = TestSessions.with(List.of(), sandbox, dataDir);
    robot.interact(() -> new WizardWindow(stage, new WizardModel(SpecDefaults.tutorial("shop", "us-east-1")),
        new ViewSettings(Locale.ENGLISH, Theme.LIGHT), new FakeDialogs(), session).show());
    CheckBox box = robot.lookup("#newCustomer").queryAs(CheckBox.class);
    assertTrue(box.isVisible());
    assertEquals("Act as a new AWS customer (CodeCommit closed to new customers)", box.getText());

    robot.clickOn(box);
    robot.clickOn("#connectButton");

    Session workspace = session.workspace().get();
    assertTrue(workspace.simulated().orElseThrow().isNewCustomer());
    robot.clickOn(box);
    assertFalse(workspace.simulated().orElseThrow().isNewCustomer());
    robot.clickOn("#endpointMode");
    assertFalse(robot.lookup("#newCustomerBox").query().isVisible());
  }

  @Test
  void createPage_whileTheConnectionWaits_theButtonCompletesTheHandshake(FxRobot robot) throws Exception {
    WizardSession session = TestSessions.with(List.of(), sandbox, dataDir);
    Connection connection = Connection.sandbox("us-east-1");
    Session workspace = sandbox.connect(connection);
    robot.interact(() -> session.connected(connection, workspace));
    String arn = TestWorkspaces.clients(workspace).codeConnections().createConnection(r -> r.connectionName("shop-github")
        .providerType(ProviderType.GIT_HUB)).connectionArn();
    ObservableList<StepRow> rows = FXCollections.observableArrayList();
    var bar = new HBox();
    Messages messages = Messages.of(Locale.ENGLISH);
    robot.interact(() -> {
      HandshakeBar.install(bar, rows, session, messages, "us-east-1", true);
      stage.setScene(new Scene(bar, 900, 80));
      stage.show();
    });
    assertFalse(bar.isVisible());
    var row = new StepRow(new ResourceRef("codeconnections-connection", "shop-github"), messages);

    robot.interact(() -> {
      rows.add(row);
      row.state().set(StepState.RUNNING);
      row.detail().set("ACTION REQUIRED: open https://console.aws.amazon.com/codesuite/settings/connections?region="
          + "us-east-1, choose the connection shop-github");
    });
    assertTrue(bar.isVisible());
    Button complete = robot.lookup("#handshakeButton").queryButton();
    assertEquals("Complete the handshake (simulated)", complete.getText());
    assertEquals("PENDING", status(workspace, arn));

    robot.clickOn(complete);

    assertEquals("AVAILABLE", status(workspace, arn));
    robot.clickOn("#handshakeLink");
    assertTrue(TestSessions.BROWSED.contains(
        "https://console.aws.amazon.com/codesuite/settings/connections?region=us-east-1"));
    robot.interact(() -> row.state().set(StepState.DONE));
    assertFalse(bar.isVisible());
  }

  @Test
  void createPage_onAws_showsTheConsoleLinkOnly() {
    var bar = new HBox();
    HandshakeBar.install(bar, FXCollections.observableArrayList(), TestSessions.offline(),
        Messages.of(Locale.JAPANESE), "ap-northeast-1", false);
    assertEquals(2, bar.getChildren().size());
    assertNull(bar.lookup("#handshakeButton"));
    assertEquals("コンソールの接続を開く", ((javafx.scene.control.Hyperlink) bar.lookup("#handshakeLink")).getText());
  }

  private static String status(Session workspace, String arn) {
    return TestWorkspaces.clients(workspace).codeConnections().getConnection(r -> r.connectionArn(arn)).connection()
        .connectionStatusAsString();
  }
}
