package org.bgwizard.ui.wizard;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.ui.common.BackgroundExecutor;

/**
 * Where the wizard works, next to the {@link WizardModel} and like it surviving page reloads: the connection the
 * Start page made and the identity it found, with what the pages need to make one.
 */
public final class WizardSession {
  private final Connector connector;
  private final BackgroundExecutor executor;
  private final Supplier<List<ProfileSummary>> profiles;
  private final RecentSetups recent;
  private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
  private final ReadOnlyObjectWrapper<Identity> identity = new ReadOnlyObjectWrapper<>(this, "identity");

  /** {@code profiles} reads the user's AWS files; it may throw a ConnectionProblem for a malformed one. */
  public WizardSession(Connector connector, BackgroundExecutor executor, Supplier<List<ProfileSummary>> profiles,
      RecentSetups recent) {
    this.connector = connector;
    this.executor = executor;
    this.profiles = profiles;
    this.recent = recent;
  }

  public Connector connector() {
    return connector;
  }

  public BackgroundExecutor executor() {
    return executor;
  }

  public List<ProfileSummary> profiles() {
    return profiles.get();
  }

  public RecentSetups recent() {
    return recent;
  }

  /** The connection made last; null until one succeeded. */
  public ReadOnlyObjectProperty<Connection> connection() {
    return connection.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Identity> identity() {
    return identity.getReadOnlyProperty();
  }

  public void connected(Connection made, Identity who) {
    connection.set(made);
    identity.set(who);
  }

  public void disconnect() {
    identity.set(null);
    connection.set(null);
  }
}
