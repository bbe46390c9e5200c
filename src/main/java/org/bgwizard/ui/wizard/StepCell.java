package org.bgwizard.ui.wizard;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.bgwizard.ui.common.Messages;

/** A step in the step list, marked current, done, or not reached yet (then it cannot be chosen). */
final class StepCell extends ListCell<Step> {
  private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
  private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

  private final WizardModel model;
  private final Messages messages;
  private final Label marker = new Label();

  StepCell(WizardModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    getStyleClass().add("step-cell");
    marker.getStyleClass().add("step-marker");
    // a cell as wide as the list, never wider: a title too long is elided instead of scrolling the list sideways
    setPrefWidth(0);
  }

  @Override
  protected void updateItem(Step step, boolean empty) {
    super.updateItem(step, empty);
    boolean current = !empty && step == model.currentStep().get();
    boolean done = !empty && model.isDone(step);
    pseudoClassStateChanged(CURRENT, current);
    pseudoClassStateChanged(DONE, done);
    if (empty || step == null) {
      setText(null);
      setGraphic(null);
      setAccessibleText(null);
      setDisable(false);
      return;
    }
    int number = step.ordinal() + 1;
    String title = messages.get(step.titleKey(model.spec().get().strategy()));
    setText(messages.format("steps.item", number, title));
    marker.setText(done ? "✓" : current ? "●" : "");
    setGraphic(marker);
    setAccessibleText(current ? messages.format("steps.item.current", number, title)
        : done ? messages.format("steps.item.done", number, title) : getText());
    setDisable(!model.isReached(step));
  }
}
