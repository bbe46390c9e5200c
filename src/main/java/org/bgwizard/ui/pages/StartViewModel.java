package org.bgwizard.ui.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Connection.Mode;
import org.bgwizard.aws.ConnectionProblem;
import org.bgwizard.aws.DefaultChain;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.session.Session;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;

/**
 * Where the wizard works: the simulated account (the default when the user has no AWS profile and no default
 * credentials), a profile of the user's AWS files with a region, the default credentials the SDK's chain finds (when
 * it finds any), or an emulator's endpoint. Connecting runs in the background and ends with the
 * identity or the problem's advice; any change of choice forgets the connection made.
 */
public final class StartViewModel {
  static final String DEFAULT_ENDPOINT = "http://localhost:4566";

  private final WizardSession session;
  private final Messages messages;
  /** As last read; {@link #profileNames} changes with it. */
  private List<ProfileSummary> profiles = List.of();
  private final ObservableList<String> profileNames = FXCollections.observableArrayList();
  private boolean profilesRead;
  /** What the default credential chain found; null until it has been looked for, or when it found nothing. */
  private DefaultChain defaultChain;
  private final ReadOnlyBooleanWrapper defaultChainFound = new ReadOnlyBooleanWrapper(this, "defaultChainFound");
  /** Nothing chosen yet: the profiles and the default chain, once read, may still pick where to work. */
  private boolean untouched;
  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode");
  private final StringProperty profile = new SimpleStringProperty(this, "profile");
  private final StringProperty region = new SimpleStringProperty(this, "region");
  private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", DEFAULT_ENDPOINT);
  private final BooleanProperty connecting = new SimpleBooleanProperty(this, "connecting");
  private final BooleanProperty newCustomer = new SimpleBooleanProperty(this, "newCustomer");
  /** Set while the check box shows the account's own setting, which is then not written back. */
  private boolean showingAccount;
  /** Chosen before connecting: applied as the connection opens. */
  private Boolean chosenNewCustomer;
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final StringBinding ssoHint;
  private final ObservableList<RecentSetups.Entry> recent = FXCollections.observableArrayList();

  public StartViewModel(WizardSession session, String setupRegion, Messages messages) {
    this.session = session;
    this.messages = messages;
    Connection made = session.connection().get();
    if (made != null) {
      mode.set(made.mode());
      profile.set(made.profile());
      region.set(made.region());
      endpoint.set(made.endpoint() == null ? DEFAULT_ENDPOINT : made.endpoint().toString());
      status.set(describe(session.identity().get()));
      showNewCustomer(session.workspace().get());
    } else {
      mode.set(Mode.SANDBOX);
      region.set(setupRegion);
      untouched = true;
    }
    ssoHint = Bindings.createStringBinding(() -> {
      var chosen = chosenProfile();
      return mode.get() == Mode.PROFILE && chosen != null && chosen.signIn() == ProfileSummary.SignIn.SSO
          ? messages.format("start.sso.hint", chosen.name()) : "";
    }, mode, profile, profileNames);
    profile.addListener((obs, old, name) -> Optional.ofNullable(chosenProfile()).map(ProfileSummary::region)
        .ifPresent(region::set));
    mode.addListener((obs, old, chosen) -> {
      if (chosen == Mode.DEFAULT_CHAIN && defaultChain != null && defaultChain.region() != null) {
        region.set(defaultChain.region());
      }
    });
    for (Observable input : List.<Observable>of(mode, profile, region, endpoint)) {
      input.addListener(changed -> {
        untouched = false;
        forget();
      });
    }
    newCustomer.addListener((obs, old, acting) -> actAsNewCustomer(acting));
    readProfiles();
    findDefaultChain();
    refreshRecent();
  }

  public ObjectProperty<Mode> mode() {
    return mode;
  }

  /** The profiles of the user's AWS files; empty until they have been read in the background. */
  public ObservableList<String> profileNames() {
    return profileNames;
  }

  /** The default credential chain found credentials: it is offered as where to work. */
  public ReadOnlyBooleanProperty defaultChainFound() {
    return defaultChainFound.getReadOnlyProperty();
  }

  public StringProperty profile() {
    return profile;
  }

  public StringProperty region() {
    return region;
  }

  public StringProperty endpoint() {
    return endpoint;
  }

  /** "Run aws sso login" while an SSO profile is chosen; empty otherwise. */
  public StringBinding ssoHint() {
    return ssoHint;
  }

  /** A connection has been made: the dashboards can open. */
  public BooleanBinding connected() {
    return session.workspace().isNotNull();
  }

  public ReadOnlyBooleanProperty connecting() {
    return connecting;
  }

  /** Who the calls run as once connected; empty before. */
  public ReadOnlyStringProperty status() {
    return status.getReadOnlyProperty();
  }

  /** Why the last attempt (or reading the AWS files) failed, and what to do; empty when nothing failed. */
  public ReadOnlyStringProperty problem() {
    return problem.getReadOnlyProperty();
  }

  public ObservableList<RecentSetups.Entry> recent() {
    return recent;
  }

  /** Reads the list (and each setup file) in the background: nothing slow before the first window. */
  public void refreshRecent() {
    session.executor().submit(BackgroundTask.of(() -> session.recent().entries()).onSuccess(recent::setAll));
  }

  /** Connects in the background; the outcome shows in {@link #status()} or {@link #problem()}. */
  public void connect() {
    connectThen(() -> { });
  }

  /**
   * Runs {@code then} on the FX thread once there is a connection: at once when there is one, otherwise after
   * connecting the way the page is set to (a failure shows in {@link #problem()}, and {@code then} does not run).
   */
  public void connectThen(Runnable then) {
    if (session.workspace().get() != null && !connecting.get()) {
      then.run();
      return;
    }
    Connection connection;
    try {
      connection = connection();
    } catch (IllegalArgumentException | URISyntaxException e) {
      problem.set(messages.get("start.endpoint.invalid"));
      return;
    }
    forget();
    connecting.set(true);
    Boolean wanted = chosenNewCustomer;
    session.executor().submit(BackgroundTask.of(() -> {
      Session made = session.connector().connect(connection);
      if (wanted != null) {
        made.simulated().ifPresent(account -> account.newCustomer(wanted));
      }
      return made;
    })
        .onSuccess(workspace -> {
          chosenNewCustomer = null;
          session.connected(connection, workspace);
          status.set(describe(workspace.identity()));
          showNewCustomer(workspace);
          then.run();
        })
        .onError(error -> problem.set(explain(error)))
        .andFinally(() -> connecting.set(false)));
  }

  /**
   * The simulated account acts as a new AWS customer, to whom CodeCommit refuses a first repository (as
   * {@code --sandbox-new-account} does for the commands); applied at once when connected, else on connecting.
   */
  public BooleanProperty newCustomer() {
    return newCustomer;
  }

  private void showNewCustomer(Session workspace) {
    if (workspace == null || workspace.simulated().isEmpty()) {
      return;
    }
    showingAccount = true;
    newCustomer.set(workspace.simulated().get().isNewCustomer());
    showingAccount = false;
  }

  private void actAsNewCustomer(boolean acting) {
    Session workspace = session.workspace().get();
    if (showingAccount) {
      return;
    }
    if (workspace == null) {
      chosenNewCustomer = acting;
      return;
    }
    workspace.simulated().ifPresent(account -> session.executor().submit(BackgroundTask.of(() -> {
      account.newCustomer(acting);
      return acting;
    }).onError(error -> problem.set(explain(error)))));
  }

  private Connection connection() throws URISyntaxException {
    return switch (mode.get()) {
      case SANDBOX -> Connection.sandbox(region.get());
      case PROFILE -> Connection.profile(profile.get(), region.get());
      case DEFAULT_CHAIN -> Connection.defaultChain(region.get());
      case ENDPOINT -> {
        var uri = new URI(endpoint.get() == null ? "" : endpoint.get().strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new URISyntaxException(String.valueOf(endpoint.get()), "no scheme or host");
        }
        yield Connection.endpoint(uri, profile.get(), region.get());
      }
    };
  }

  private void forget() {
    if (connecting.get()) {
      return;
    }
    session.disconnect();
    status.set("");
    problem.set("");
  }

  private String describe(Identity identity) {
    if (identity == null) {
      return "";
    }
    return messages.format(identity.simulated() ? "start.identity.simulated" : "start.identity", identity.account(),
        identity.arn());
  }

  private String explain(Throwable error) {
    if (error instanceof ConnectionProblem connectionProblem) {
      return connectionProblem.message(messages.locale());
    }
    return messages.format("start.connect.failed", error.getMessage() == null
        ? error.getClass().getSimpleName() : error.getMessage());
  }

  private ProfileSummary chosenProfile() {
    return profiles.stream().filter(p -> p.name().equals(profile.get())).findFirst().orElse(null);
  }

  /**
   * Reads the AWS files in the background (nothing slow before the first window). Without a connection made and
   * with nothing chosen meanwhile, the first profile becomes where to work, with its region: someone with AWS
   * files has come for their account; without any, the simulated account stays.
   */
  private void readProfiles() {
    session.executor().submit(BackgroundTask.of(session::profiles)
        .onSuccess(read -> {
          profiles = List.copyOf(read);
          profilesRead = true;
          profileNames.setAll(profiles.stream().map(ProfileSummary::name).toList());
          if (untouched && !read.isEmpty() && session.connection().get() == null) {
            mode.set(Mode.PROFILE);
            profile.set(read.get(0).name()); // and its region, by the profile listener
          }
          chooseDefaultChain();
        })
        .onError(error -> problem.set(explain(error))));
  }

  /**
   * Looks for default credentials in the background (the chain may ask the instance metadata service). Someone with
   * no profile but default credentials (CI, CloudShell, EC2) has come for that account: once the profiles are known
   * to be none, and with nothing chosen meanwhile, it becomes where to work.
   */
  private void findDefaultChain() {
    session.executor().submit(BackgroundTask.of(() -> session.connector().defaultChain())
        .onSuccess(found -> {
          defaultChain = found.orElse(null);
          defaultChainFound.set(found.isPresent());
          chooseDefaultChain();
        }));
  }

  private void chooseDefaultChain() {
    if (untouched && profilesRead && profiles.isEmpty() && defaultChain != null
        && session.connection().get() == null) {
      mode.set(Mode.DEFAULT_CHAIN); // and its region, by the mode listener
    }
  }
}
