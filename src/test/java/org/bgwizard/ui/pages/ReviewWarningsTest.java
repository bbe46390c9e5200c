package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.bgwizard.artifacts.Finding;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.Severity;
import org.bgwizard.artifacts.Target;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.bgwizard.ui.wizard.TestSessions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReviewWarningsTest {
  private final ReviewViewModel model = new ReviewViewModel(SpecDefaults.tutorial("shop", "us-east-1"),
      new Target("123456789012", "us-east-1"), List.of(new RepoFile("taskdef.json", "{\"family\": \"shop\"}")),
      List.of(new Finding(Severity.WARNING, "Dockerfile", 1, 21, "dockerfile.dockerHubBase", List.of("nginx"))));

  @Start
  void start(Stage stage) {
    var loader = new FxmlLoaderFactory(Messages.of(Locale.ENGLISH));
    var view = loader.load("/fxml/wizard_review.fxml", ReviewController.class,
        () -> new ReviewController(model, new PlanPreview(model.spec(), TestSessions.offline(), loader.messages()),
            new FakeDialogs(), new CurrentThreadExecutor(), loader.messages()));
    stage.setScene(new Scene(view.root(), 900, 700));
    stage.show();
  }

  @Test
  void warning_isListedWithItsPlaceAndFix_andTheTickOpensNext(FxRobot robot) {
    assertEquals(1, robot.lookup(".finding-warning").queryAll().size());
    var text = robot.lookup(".finding-row .label").queryAllAs(Label.class).stream().map(Label::getText)
        .filter(t -> t.startsWith("Dockerfile:1: ")).toList();
    assertEquals(1, text.size(), text.toString());
    var tick = robot.lookup("#acceptWarnings").queryAs(CheckBox.class);
    assertTrue(tick.isVisible());
    assertFalse(model.canCreate().get());

    robot.interact(tick::fire);

    assertTrue(model.canCreate().get());
  }
}
