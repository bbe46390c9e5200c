package org.bgwizard.ui.dashboard;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.ConnectionState;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.TrafficView;

/**
 * The dashboard's state on the FX thread: the latest snapshot, the clock's "now" (ticked each second, no API call),
 * whether each action is accepted now, the listeners' routes, and whether an action is running.
 */
public final class DashboardModel {
  private final ObjectProperty<DeploymentSnapshot> snapshot = new SimpleObjectProperty<>();
  private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.EPOCH);
  private final BooleanProperty processing = new SimpleBooleanProperty();
  private final Map<Action, BooleanProperty> allowed = new EnumMap<>(Action.class);
  private final BooleanProperty practiceReady = new SimpleBooleanProperty();
  private final ObjectProperty<TrafficView.Route> production = new SimpleObjectProperty<>();
  private final ObjectProperty<TrafficView.Route> test = new SimpleObjectProperty<>();
  private final boolean simulated;

  public DashboardModel(boolean simulated) {
    this.simulated = simulated;
    for (Action a : Action.values()) {
      allowed.put(a, new SimpleBooleanProperty());
    }
    snapshot.addListener((o, was, s) -> recompute());
    processing.addListener((o, was, p) -> recompute());
  }

  private void recompute() {
    DeploymentSnapshot s = snapshot.get();
    allowed.forEach((a, p) -> p.set(!processing.get() && DeploymentActions.allowed(a, s).allowed()));
    practiceReady.set(!processing.get() && s != null && s.connection().kind() != ConnectionState.Kind.CONNECTING);
    production.set(s == null ? null : s.traffic().route("Production"));
    test.set(s == null ? null : s.traffic().route("Test"));
  }

  public boolean simulated() {
    return simulated;
  }

  public void update(DeploymentSnapshot s) {
    snapshot.set(s);
  }

  public ReadOnlyObjectProperty<DeploymentSnapshot> snapshotProperty() {
    return snapshot;
  }

  public ObjectProperty<Instant> nowProperty() {
    return now;
  }

  public BooleanProperty processingProperty() {
    return processing;
  }

  public ReadOnlyBooleanProperty allowedProperty(Action action) {
    return allowed.get(action);
  }

  /** A practice release can start: the account has been read and no action is running. */
  public ReadOnlyBooleanProperty practiceReadyProperty() {
    return practiceReady;
  }

  /** The production listener's route, null until read. */
  public ReadOnlyObjectProperty<TrafficView.Route> productionProperty() {
    return production;
  }

  /** The test listener's route, null until read or when the group has no test listener. */
  public ReadOnlyObjectProperty<TrafficView.Route> testProperty() {
    return test;
  }
}
