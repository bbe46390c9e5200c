package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.EcsNative.Shift;
import org.bgwizard.setup.EcsNative.TimeoutAction;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;

/**
 * ECS's own blue/green deployment of an ecs-native setup ("Amazon ECS blue/green deployments"): how production
 * traffic shifts, the bake time, the pause before production, and the pipeline action's deployment timeout. Fields
 * that a choice does not use (step values for BLUE_GREEN, the pause's values without the pause) are left out of
 * the setup, as AWS rejects them.
 */
public final class EcsBlueGreenViewModel extends PageModel {
  public static final List<String> FIELDS = List.of("ecsNative.shift", "ecsNative.stepPercent",
      "ecsNative.stepBakeMinutes", "ecsNative.bakeTimeMinutes", "ecsNative.pauseTimeoutMinutes",
      "ecsNative.onPauseTimeout", "ecsNative.deploymentTimeoutMinutes");

  private final Locale locale;
  private final ObjectProperty<Shift> shift = new SimpleObjectProperty<>(this, "shift");
  private final StringProperty stepPercent = new SimpleStringProperty(this, "stepPercent");
  private final StringProperty stepBakeMinutes = new SimpleStringProperty(this, "stepBakeMinutes");
  private final StringProperty bakeTimeMinutes = new SimpleStringProperty(this, "bakeTimeMinutes");
  private final BooleanProperty pause = new SimpleBooleanProperty(this, "pause");
  private final StringProperty pauseTimeoutMinutes = new SimpleStringProperty(this, "pauseTimeoutMinutes");
  private final ObjectProperty<TimeoutAction> onPauseTimeout = new SimpleObjectProperty<>(this, "onPauseTimeout");
  private final StringProperty deploymentTimeoutMinutes = new SimpleStringProperty(this, "deploymentTimeoutMinutes");
  private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
  private final BooleanBinding stepped = shift.isNotNull().and(shift.isNotEqualTo(Shift.BLUE_GREEN));

  public EcsBlueGreenViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    this.locale = locale;
    var n = spec.get().ecsNative();
    shift.set(n.shift());
    stepPercent.set(n.stepPercent() == null ? "" : text(n.stepPercent()));
    stepBakeMinutes.set(n.stepBakeMinutes() == null ? "" : text(n.stepBakeMinutes()));
    bakeTimeMinutes.set(text(n.bakeTimeMinutes()));
    pause.set(n.pauseBeforeProduction());
    pauseTimeoutMinutes.set(n.pauseTimeoutMinutes() == null ? "" : text(n.pauseTimeoutMinutes()));
    onPauseTimeout.set(n.onPauseTimeout() == null ? TimeoutAction.ROLLBACK : n.onPauseTimeout());
    deploymentTimeoutMinutes.set(text(n.deploymentTimeoutMinutes()));
    fields(FIELDS.toArray(String[]::new));
    watch(shift, stepPercent, stepBakeMinutes, bakeTimeMinutes, pause, pauseTimeoutMinutes, onPauseTimeout,
        deploymentTimeoutMinutes);
    update();
  }

  public ObjectProperty<Shift> shift() {
    return shift;
  }

  /** True for LINEAR and CANARY, which move traffic in steps with a bake time between them. */
  public BooleanBinding stepped() {
    return stepped;
  }

  public StringProperty stepPercent() {
    return stepPercent;
  }

  public StringProperty stepBakeMinutes() {
    return stepBakeMinutes;
  }

  public StringProperty bakeTimeMinutes() {
    return bakeTimeMinutes;
  }

  public BooleanProperty pause() {
    return pause;
  }

  public StringProperty pauseTimeoutMinutes() {
    return pauseTimeoutMinutes;
  }

  public ObjectProperty<TimeoutAction> onPauseTimeout() {
    return onPauseTimeout;
  }

  public StringProperty deploymentTimeoutMinutes() {
    return deploymentTimeoutMinutes;
  }

  /** Why a deployment can outlast the pipeline's deploy action; empty while it cannot. */
  public ReadOnlyStringProperty warning() {
    return warning.getReadOnlyProperty();
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    var n = base.ecsNative();
    boolean steps = stepped.get();
    // an empty optional number stays null: the validator then says what the field accepts
    Integer percent = steps ? optionalNumber(stepPercent) : null;
    Integer stepBake = steps ? optionalNumber(stepBakeMinutes) : null;
    int bake = number(bakeTimeMinutes, n.bakeTimeMinutes(), "ecsNative.bakeTimeMinutes", found);
    Integer pauseTimeout = pause.get() ? optionalNumber(pauseTimeoutMinutes) : null;
    int timeout = number(deploymentTimeoutMinutes, n.deploymentTimeoutMinutes(), "ecsNative.deploymentTimeoutMinutes",
        found);
    var next = base.withEcsNative(new EcsNative(shift.get(), percent, stepBake, bake, pause.get(), pauseTimeout,
        pause.get() ? onPauseTimeout.get() : null, n.infrastructureRole(), timeout));
    warning.set(SpecValidator.warnings(next).stream().map(p -> p.messageUnderField(locale)).findFirst().orElse(""));
    return next;
  }
}
