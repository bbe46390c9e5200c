package org.bgwizard.ui.services;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.dashboard.OpenDashboards;

/**
 * Where the wizard works, next to the wizard's model and like it surviving page reloads: the connection the
 * Start page made and the identity it found, with what the pages need to make one.
 */
public final class WizardSession {
  private final Connector connector;
  private final BackgroundExecutor executor;
  private final Supplier<List<ProfileSummary>> profiles;
  private final RecentSetups recent;
  private final Consumer<String> browser;
  private final OpenDashboards dashboards = new OpenDashboards();
  private String command = "bluegreen-wizard";
  private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
  private final ReadOnlyObjectWrapper<Identity> identity = new ReadOnlyObjectWrapper<>(this, "identity");
  private final ReadOnlyObjectWrapper<Session> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");

  /** {@code profiles} reads the user's AWS files; it may throw a ConnectionProblem for a malformed one. */
  public WizardSession(Connector connector, BackgroundExecutor executor, Supplier<List<ProfileSummary>> profiles,
      RecentSetups recent, Consumer<String> browser) {
    this.connector = connector;
    this.browser = browser;
    this.executor = executor;
    this.profiles = profiles;
    this.recent = recent;
  }

  /** How a terminal runs this app's commands, as the app was started; the pages show commands in this form. */
  public String command() {
    return command;
  }

  public void command(String launchCommand) {
    command = launchCommand;
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

  /** Opens a web page in the user's browser. */
  public void browse(String url) {
    browser.accept(url);
  }

  /** The dashboard windows this session opened: one per deployment group, closed with the wizard. */
  public OpenDashboards dashboards() {
    return dashboards;
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

  /** The connected workspace; null until a connection succeeded. */
  public ReadOnlyObjectProperty<Session> workspace() {
    return workspace.getReadOnlyProperty();
  }

  /** Takes over {@code opened} (closing the one it replaces). */
  public void connected(Connection made, Session opened) {
    Session old = workspace.get();
    connection.set(made);
    workspace.set(opened);
    identity.set(opened.identity());
    if (old != null && old != opened) {
      old.close();
    }
  }

  public void disconnect() {
    Session old = workspace.get();
    identity.set(null);
    workspace.set(null);
    connection.set(null);
    if (old != null) {
      old.close();
    }
  }

  /**
   * Connects the same way to {@code region} in the background when the workspace is elsewhere (the setup's
   * region changed after the Start page); {@code done} runs on the FX thread either way, {@code failed} with
   * the problem.
   */
  public void ensureRegion(String region, Runnable done, Consumer<Throwable> failed) {
    Connection made = connection.get();
    Session current = workspace.get();
    if (made == null || current == null || region.equals(current.region())) {
      done.run();
      return;
    }
    Connection there = made.inRegion(region);
    executor.submit(BackgroundTask.of(() -> connector.connect(there))
        .onSuccess(opened -> {
          connected(there, opened);
          done.run();
        })
        .onError(failed::accept));
  }
}
