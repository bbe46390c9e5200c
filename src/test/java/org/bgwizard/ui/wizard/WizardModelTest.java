package org.bgwizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

class WizardModelTest {
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("demo", "us-east-1"));

  @Test
  void startsOnTheFirstStep_withBackDisabled_andNextEnabled() {
    assertEquals(Step.START, model.currentStep().get());
    assertTrue(model.backDisabled().get());
    assertFalse(model.nextDisabled().get());
    assertFalse(model.back());
  }

  @Test
  void next_thenBack_movesOneStep_andKeepsTheSpec() {
    var spec = model.spec().get();

    assertTrue(model.next());
    assertEquals(Step.BASICS, model.currentStep().get());
    assertTrue(model.back());

    assertEquals(Step.START, model.currentStep().get());
    assertSame(spec, model.spec().get());
    assertEquals(Step.BASICS, model.furthestStep().get());
  }

  @Test
  void lastStep_disablesNext() {
    while (model.next()) {
      // walk to the end
    }
    assertEquals(Step.DONE, model.currentStep().get());
    assertTrue(model.nextDisabled().get());
    assertFalse(model.backDisabled().get());
  }

  @Test
  void goTo_allowsVisitedSteps_andRefusesStepsNotReached() {
    model.next();
    model.next();
    model.goTo(Step.START);

    assertFalse(model.goTo(Step.IAM_ROLES));
    assertEquals(Step.START, model.currentStep().get());
    assertTrue(model.goTo(Step.ENVIRONMENTS));
    assertEquals(Step.ENVIRONMENTS, model.currentStep().get());
  }

  @Test
  void stepsBeforeTheFurthest_areDone_exceptTheCurrentOne() {
    model.next();
    model.next();
    model.back();

    assertTrue(model.isDone(Step.START));
    assertFalse(model.isDone(Step.BASICS));
    assertFalse(model.isDone(Step.ENVIRONMENTS));
    assertTrue(model.isReached(Step.ENVIRONMENTS));
  }

  @Test
  void processing_disablesBackNextAndStepChoice() {
    model.next();
    model.processing().set(true);

    assertTrue(model.backDisabled().get());
    assertTrue(model.nextDisabled().get());
    assertFalse(model.next());
    assertFalse(model.back());
    assertFalse(model.goTo(Step.START));
    assertEquals(Step.BASICS, model.currentStep().get());
  }

  @Test
  void pageVeto_disablesNext_untilTheStepChanges() {
    model.next();
    var pageIsValid = new SimpleBooleanProperty(false);
    model.canGoNext().bind(pageIsValid);

    assertTrue(model.nextDisabled().get());
    assertFalse(model.next());
    pageIsValid.set(true);
    assertFalse(model.nextDisabled().get());
    pageIsValid.set(false);
    model.back();

    assertFalse(model.canGoNext().isBound());
    assertFalse(model.nextDisabled().get());
  }
}
