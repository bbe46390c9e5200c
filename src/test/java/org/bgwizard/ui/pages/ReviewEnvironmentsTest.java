package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.Connection;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.wizard.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Review page of a setup with environments dev, qa and prod (issue 15): each row says whose it is. */
@ExtendWith(ApplicationExtension.class)
class ReviewEnvironmentsTest {
  private static final String SETUP = "shop";

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("bgwizard-review-environments");
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"), sandbox -> { });
    var session = TestSessions.with(List.of(), connector, dir);
    var connection = Connection.sandbox("us-east-1");
    session.connected(connection, connector.connect(connection));
    var spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial(SETUP, "us-east-1"), List.of("dev", "qa", "prod"));
    var model = new ReviewViewModel(spec, new Target("123456789012", "us-east-1"), List.of(), List.of());
    var loader = new FxmlLoaderFactory(Messages.of(Locale.JAPANESE));
    var view = loader.load("/fxml/wizard_review.fxml", ReviewController.class,
        () -> new ReviewController(model, new PlanPreview(spec, session, loader.messages()), new FakeDialogs(),
            new CurrentThreadExecutor(), loader.messages()));
    stage.setScene(new Scene(view.root(), 1000, 800));
    stage.show();
  }

  @Test
  void eachRow_namesItsEnvironment_orSaysShared_inTheUsersLanguage(FxRobot robot) {
    TableView<PlanPreview.Row> table = robot.lookup("#planTable").queryTableView();
    List<String> resources = table.getItems().stream().map(PlanPreview.Row::resource).toList();

    for (String env : List.of("dev", "qa", "prod")) {
      assertEquals(1, resources.stream().filter(r -> r.startsWith("[" + env + "] ") && r.endsWith(" shop-service-"
          + env)).count(), resources.toString());
    }
    assertEquals(1, resources.stream().filter(r -> r.startsWith("[共有] ") && r.endsWith("shop-cluster")).count(),
        resources.toString());
    assertTrue(resources.stream().allMatch(r -> r.startsWith("[")), resources.toString());
  }
}
