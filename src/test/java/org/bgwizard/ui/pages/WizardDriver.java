package org.bgwizard.ui.pages;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FormField;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardWindow;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;

/** Drives the wizard window in page tests: moving to a step, typing into a field, reading what it shows. */
final class WizardDriver {
  private final FxRobot robot;
  private final WizardModel model;

  /**
   * The wizard window for {@code model} shown on {@code stage} in English, its session on a simulated account kept in
   * {@code dir} (recent setups and journals there too), its work on {@code executor}'s real background threads.
   */
  static WizardDriver showInSandbox(FxRobot robot, Stage stage, WizardModel model, FakeDialogs dialogs, Path dir,
      FxBackgroundExecutor executor) {
    var session = new WizardSession(TestWorkspaces.sandbox(dir.resolve("sandbox")), executor, List::of,
        new RecentSetups(dir.resolve("recent-setups.json"), dir.resolve("journals")), TestSessions.BROWSED::add);
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        session).show());
    return new WizardDriver(robot, model);
  }

  WizardDriver(FxRobot robot, WizardModel model) {
    this.robot = robot;
    this.model = model;
  }

  void goTo(Step step) {
    robot.interact(() -> {
      while (model.currentStep().get().compareTo(step) < 0) {
        if (!model.next()) {
          throw new IllegalStateException("Next is disabled on " + model.currentStep().get());
        }
      }
      while (model.currentStep().get().compareTo(step) > 0) {
        model.back();
      }
    });
  }

  /** Replaces the text of the field {@code #id} with {@code text}, typed on the keyboard. */
  void type(String id, String text) {
    Node input = robot.lookup("#" + id).query();
    robot.interact(input::requestFocus);
    robot.push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE);
    if (!text.isEmpty()) {
      robot.write(text);
    }
  }

  String text(String id) {
    return robot.lookup("#" + id).queryAs(TextInputControl.class).getText();
  }

  FormField field(String id) {
    return robot.lookup("#" + id).queryAs(FormField.class);
  }

  /** The message shown under the field, or "" when none is visible. */
  String shownError(String fieldId) {
    var label = field(fieldId).getChildrenUnmodifiable().stream()
        .filter(child -> child.getStyleClass().contains("field-error"))
        .map(Label.class::cast)
        .findFirst().orElseThrow();
    return label.isVisible() ? label.getText() : "";
  }

  /** Read on the FX thread: a lookup from the test's thread can meet the scene graph while the page changes it. */
  boolean nextDisabled() {
    try {
      return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> robot.lookup("#nextButton").queryAs(Button.class)
          .isDisabled()).get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the Next button", e);
    }
  }

  void click(String id) {
    robot.interact(() -> robot.lookup("#" + id).queryAs(ButtonBase.class).fire());
  }

  boolean shown(String id) {
    return treeVisible(robot.lookup("#" + id).query());
  }

  boolean treeVisible(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
