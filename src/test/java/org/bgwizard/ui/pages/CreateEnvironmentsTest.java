package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.wizard.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Create page of a setup with environments dev, qa and prod (issue 15), in Japanese: each row says whose it is. */
@ExtendWith(ApplicationExtension.class)
class CreateEnvironmentsTest {
  private final FakeDialogs dialogs = new FakeDialogs();
  private CreateViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("bgwizard-create-environments");
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"), sandbox -> { });
    var session = TestSessions.with(List.of(), connector, dir);
    var connection = Connection.sandbox("us-east-1");
    session.connected(connection, connector.connect(connection));
    var spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"), List.of("dev", "qa", "prod"));
    var loader = new FxmlLoaderFactory(Messages.of(Locale.JAPANESE));
    model = new CreateViewModel(spec, session, loader.messages(), Runnable::run);
    var view = loader.load("/fxml/wizard_create.fxml", CreateController.class,
        () -> new CreateController(model, dialogs, loader.messages(), true, session));
    stage.setScene(new Scene(view.root(), 1000, 800));
    stage.show();
    model.prepare();
  }

  @Test
  void eachRow_namesItsEnvironment_orSaysShared_inTheUsersLanguage(FxRobot robot) {
    TableView<StepRow> table = robot.lookup("#stepTable").queryTableView();
    List<String> labels = table.getItems().stream().map(StepRow::label).toList();

    for (String env : List.of("dev", "qa", "prod")) {
      assertEquals(List.of("[" + env + "] ECS サービス shop-service-" + env), labels.stream()
          .filter(l -> l.endsWith(" shop-service-" + env)).toList());
    }
    assertEquals(List.of("[prod] SNS トピック shop-approvals"), labels.stream()
        .filter(l -> l.endsWith(" shop-approvals")).toList());
    assertEquals(1, labels.stream().filter(l -> l.startsWith("[共有] ") && l.endsWith(" shop-cluster")).count(),
        labels.toString());
    assertTrue(labels.stream().allMatch(l -> l.startsWith("[")), labels.toString());
  }

  @Test
  void teardownsConfirmation_namesEachResourcesEnvironment(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.canCreate().get());
    robot.clickOn("#createButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.phase().get() == CreateViewModel.Phase.CREATED);

    robot.clickOn("#teardownButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.questions.isEmpty());
    String details = dialogs.questions.get(0).details();
    assertTrue(details.contains("• [prod] ECS サービス shop-service-prod\n"), details);
    assertTrue(details.contains("• [共有] ECS クラスター shop-cluster\n"), details);
    assertEquals(CreateViewModel.Phase.CREATED, model.phase().get(), "declined: nothing deleted");
  }
}
