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

/** The Review page connected to a simulated account that refuses codecommit:GetRepository to the caller. */
@ExtendWith(ApplicationExtension.class)
class ReviewLookupFailureTest {
  private static final String SETUP = "shop";

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("bgwizard-review-lookup");
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"),
        sandbox -> sandbox.faults().deny(Service.CODECOMMIT, "GetRepository"));
    var session = TestSessions.with(List.of(), connector, dir);
    var connection = Connection.sandbox("us-east-1");
    session.connected(connection, connector.connect(connection));
    var spec = SpecDefaults.tutorial(SETUP, "us-east-1");
    var model = new ReviewViewModel(spec, new Target("123456789012", "us-east-1"), List.of(), List.of());
    var loader = new FxmlLoaderFactory(Messages.of(Locale.ENGLISH));
    var view = loader.load("/fxml/wizard_review.fxml", ReviewController.class,
        () -> new ReviewController(model, new PlanPreview(spec, session, loader.messages()), new FakeDialogs(),
            new CurrentThreadExecutor(), loader.messages()));
    stage.setScene(new Scene(view.root(), 1000, 800));
    stage.show();
  }

  @Test
  void deniedLookup_showsUnknownAndAwsReasonInItsRow_andEveryOtherResourceAsUsual(FxRobot robot) {
    TableView<PlanPreview.Row> table = robot.lookup("#planTable").queryTableView();
    List<PlanPreview.Row> rows = table.getItems();

    assertEquals(25, rows.size(), rows.toString());
    var repo = rows.stream().filter(r -> r.resource().startsWith("CodeCommit")).findFirst().orElseThrow();
    assertEquals("unknown: could not look", repo.action());
    assertTrue(repo.differences().startsWith("AccessDeniedException on codecommit:GetRepository:"
        + " User: arn:aws:iam::123456789012:user/sandbox-learner is not authorized"), repo.differences());
    assertEquals(24, rows.stream().filter(r -> r.action().equals("will be created")).count(), rows.toString());
    // the table scrolls to the row by itself: its cell is on screen
    var cells = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
        .map(c -> c.getText() == null ? "" : c.getText()).toList();
    assertTrue(cells.stream().anyMatch(t -> t.startsWith("AccessDeniedException on codecommit:GetRepository")), cells.toString());
    String status = robot.lookup("#planStatus").queryAs(Label.class).getText();
    assertTrue(status.contains("Could not look at CodeCommit repository shop (AWS refused; its row says why): Create"
        + " tries it,"), status);
  }
}
