package org.bgwizard.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.bgwizard.setup.SetupSpec;

/**
 * The wizard's state, outside any controller so it survives Back, page reloads and a language switch: the
 * {@link SetupSpec} being built, the current step and the furthest step reached.
 */
public final class WizardModel {
  private final ObjectProperty<SetupSpec> spec;
  private final ReadOnlyObjectWrapper<Step> current = new ReadOnlyObjectWrapper<>(this, "current", Step.START);
  private final ReadOnlyObjectWrapper<Step> furthest = new ReadOnlyObjectWrapper<>(this, "furthest", Step.START);
  private final BooleanProperty canGoNext = new SimpleBooleanProperty(this, "canGoNext", true);
  private final BooleanProperty processing = new SimpleBooleanProperty(this, "processing", false);
  private final BooleanBinding backDisabled;
  private final BooleanBinding nextDisabled;

  private final SetupSpec initial;
  private SetupSpec saved;

  public WizardModel(SetupSpec initial) {
    this.initial = initial;
    this.saved = initial;
    spec = new SimpleObjectProperty<>(this, "spec", initial);
    backDisabled = Bindings.createBooleanBinding(() -> processing.get() || current.get().isFirst(),
        processing, current);
    nextDisabled = Bindings.createBooleanBinding(
        () -> processing.get() || !canGoNext.get() || current.get().isLast(), processing, canGoNext, current);
  }

  public ObjectProperty<SetupSpec> spec() {
    return spec;
  }

  public ReadOnlyObjectProperty<Step> currentStep() {
    return current.getReadOnlyProperty();
  }

  /** The furthest step reached with Next; every step up to it may be revisited. */
  public ReadOnlyObjectProperty<Step> furthestStep() {
    return furthest.getReadOnlyProperty();
  }

  /** A page vetoes Next by setting (or binding) this to false; it is reset to true whenever the step changes. */
  public BooleanProperty canGoNext() {
    return canGoNext;
  }

  /** True while background work runs; Back, Next and step changes wait for it. A page may bind it. */
  public BooleanProperty processing() {
    return processing;
  }

  public BooleanBinding backDisabled() {
    return backDisabled;
  }

  public BooleanBinding nextDisabled() {
    return nextDisabled;
  }

  public boolean next() {
    if (nextDisabled.get()) {
      return false;
    }
    Step next = Step.values()[current.get().ordinal() + 1];
    if (next.compareTo(furthest.get()) > 0) {
      furthest.set(next);
    }
    moveTo(next);
    return true;
  }

  public boolean back() {
    if (backDisabled.get()) {
      return false;
    }
    moveTo(Step.values()[current.get().ordinal() - 1]);
    return true;
  }

  /** Jumps to {@code step} if it has been reached before; never forward past the furthest step. */
  public boolean goTo(Step step) {
    if (processing.get() || !isReached(step)) {
      return false;
    }
    moveTo(step);
    return true;
  }

  public boolean isReached(Step step) {
    return step.compareTo(furthest.get()) <= 0;
  }

  /** A step left with Next: before the furthest step reached, and not the one shown. */
  public boolean isDone(Step step) {
    return step.compareTo(furthest.get()) < 0 && step != current.get();
  }

  /** The setup now is the one last opened or saved to a file (or the one the wizard started with). */
  public void markSaved() {
    saved = spec.get();
  }

  /** The setup has choices that no file holds. */
  public boolean unsaved() {
    return !spec.get().equals(saved);
  }

  /** File › New setup: the setup the wizard started with, back on the Start page. */
  public void startOver() {
    spec.set(initial);
    saved = initial;
    furthest.set(Step.START);
    moveTo(Step.START);
  }

  private void moveTo(Step step) {
    processing.unbind();
    processing.set(false);
    canGoNext.unbind();
    canGoNext.set(true);
    current.set(step);
  }
}
