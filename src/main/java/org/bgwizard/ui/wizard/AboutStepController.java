package org.bgwizard.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.Messages;

/**
 * The "about this step" page: what the step does on AWS and why, which console screens of the tutorial it
 * replaces, and what it will set up according to the spec. It stays as the intro of each step's page.
 */
public final class AboutStepController {
  @FXML private Label intro;
  @FXML private Label console;
  @FXML private Label itemsHeading;
  @FXML private VBox items;

  private final Step step;
  private final SetupSpec spec;
  private final Messages messages;

  public AboutStepController(Step step, SetupSpec spec, Messages messages) {
    this.step = step;
    this.spec = spec;
    this.messages = messages;
  }

  @FXML
  private void initialize() {
    intro.setText(messages.get(step.aboutKey()));
    console.setText(messages.get(step.consoleKey()));
    var lines = StepSummary.items(step, spec, messages);
    itemsHeading.setText(messages.get(lines.isEmpty() ? "page.items.none" : "page.items.heading"));
    for (String line : lines) {
      items.getChildren().add(item(line));
    }
  }

  private static HBox item(String sentence) {
    var bullet = new Label("•");
    bullet.getStyleClass().add("summary-bullet");
    var text = new Label(sentence);
    text.setWrapText(true);
    text.getStyleClass().add("summary-item");
    HBox.setHgrow(text, Priority.ALWAYS);
    var line = new HBox(bullet, text);
    line.getStyleClass().add("summary-line");
    return line;
  }
}
