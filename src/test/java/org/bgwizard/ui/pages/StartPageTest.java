package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.DefaultChain;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.aws.ProfileSummary.SignIn;
import org.bgwizard.aws.TestConnectionProblems;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.common.BackgroundExecutor;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartPageTest {
  private static final ProfileSummary KEYS = new ProfileSummary("default", SignIn.ACCESS_KEYS, "eu-west-1", null,
      null, null, null);
  private static final ProfileSummary SSO = new ProfileSummary("work-sso", SignIn.SSO, "ap-northeast-1",
      "https://example.awsapps.com/start", "us-east-1", "111122223333", "Admin");

  @TempDir Path dataDir;
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final FakeDialogs dialogs = new FakeDialogs();
  private final List<Connection> attempts = new ArrayList<>();
  private Connector sandbox;
  private WizardSession session;
  private Stage stage;

  @BeforeEach
  void simulatedAccount() {
    sandbox = TestWorkspaces.sandbox(dataDir.resolve("sandbox"));
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void show(FxRobot robot, List<ProfileSummary> profiles, Connector connector) {
    show(robot, TestSessions.with(profiles, connection -> {
      attempts.add(connection);
      return connector.connect(connection);
    }, dataDir));
  }

  private void show(FxRobot robot, WizardSession chosen) {
    session = chosen;
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        session).show());
  }

  @Test
  void noProfiles_chooseTheSandbox_labelledSimulatedAccount(FxRobot robot) {
    show(robot, List.of(), sandbox);

    var sandbox = robot.lookup("#sandboxMode").queryAs(RadioButton.class);
    assertTrue(sandbox.isSelected());
    assertTrue(sandbox.getText().contains("Simulated account"), sandbox.getText());
    assertTrue(robot.lookup("#profileMode").queryAs(RadioButton.class).isDisabled());
    assertFalse(visible(robot, "profileSection"));
  }

  @Test
  void profilesFound_chooseTheFirstProfile_withItsRegion(FxRobot robot) {
    show(robot, List.of(KEYS, SSO), sandbox);

    assertTrue(robot.lookup("#profileMode").queryAs(RadioButton.class).isSelected());
    assertEquals("default", robot.lookup("#profile").queryAs(ComboBox.class).getValue());
    assertEquals("eu-west-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
    assertFalse(visible(robot, "ssoHint"));
    assertFalse(visible(robot, "endpointField"));
  }

  @Test
  void ssoProfile_showsTheLoginCommand_andTakesItsRegion(FxRobot robot) {
    show(robot, List.of(KEYS, SSO), sandbox);

    robot.interact(() -> robot.lookup("#profile").queryAs(ComboBox.class).setValue("work-sso"));

    assertTrue(visible(robot, "ssoHint"));
    assertTrue(label(robot, "ssoHint").contains("aws sso login --profile work-sso"), label(robot, "ssoHint"));
    assertEquals("ap-northeast-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
  }

  @Test
  void connect_runsOnTheBackgroundExecutor_thenShowsTheIdentity(FxRobot robot) {
    var queued = new ArrayList<BackgroundTask<?>>();
    BackgroundExecutor later = new BackgroundExecutor() {
      @Override
      public <T> void submit(BackgroundTask<T> task) {
        queued.add(task);
      }
    };
    var connectingThread = new AtomicReference<Thread>();
    show(robot, new WizardSession(connection -> {
      connectingThread.set(Thread.currentThread());
      return sandbox.connect(connection);
    }, later, List::of, new RecentSetups(dataDir.resolve("recent.json"), dataDir.resolve("journals")),
        TestSessions.BROWSED::add));

    List.copyOf(queued).forEach(StartPageTest::runHere); // the recent setups list, read when the page opens
    queued.clear();
    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());
    assertEquals(1, queued.size());
    assertNull(connectingThread.get(), "connecting waits for the executor");
    assertTrue(robot.lookup("#connectButton").queryButton().isDisabled());

    runHere(queued.get(0));

    assertNotSame(fxThread(robot), connectingThread.get());
    assertEquals("Connected to the simulated account 123456789012 as arn:aws:iam::123456789012:user/sandbox-learner.",
        label(robot, "identity"));
    assertEquals(Connection.sandbox("us-east-1"), session.connection().get());
    assertFalse(robot.lookup("#connectButton").queryButton().isDisabled());
  }

  @Test
  void profilesAreReadInTheBackground_andThenChooseWhereToWork(FxRobot robot) {
    var queued = queueingSession(robot, List.of(KEYS));

    // the first window: the simulated account, and no profile fields in the scene yet
    assertTrue(robot.lookup("#sandboxMode").queryAs(RadioButton.class).isSelected());
    assertTrue(robot.lookup("#profileMode").queryAs(RadioButton.class).isDisabled());
    assertTrue(robot.lookup("#endpoint").tryQuery().isEmpty(), "the connection fields join the page when used");
    assertTrue(robot.lookup("#recentList").tryQuery().isEmpty(), "the recent list joins the page when not empty");

    List.copyOf(queued).forEach(StartPageTest::runHere);

    assertTrue(robot.lookup("#profileMode").queryAs(RadioButton.class).isSelected());
    assertEquals("default", robot.lookup("#profile").queryAs(ComboBox.class).getValue());
    assertEquals("eu-west-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
  }

  @Test
  void profilesReadAfterTheUserChose_leaveTheirChoice(FxRobot robot) {
    var queued = queueingSession(robot, List.of(KEYS));
    robot.interact(() -> robot.lookup("#endpointMode").queryAs(RadioButton.class).fire());

    List.copyOf(queued).forEach(StartPageTest::runHere);

    assertTrue(robot.lookup("#endpointMode").queryAs(RadioButton.class).isSelected());
    assertFalse(robot.lookup("#profileMode").queryAs(RadioButton.class).isDisabled());
    assertEquals("us-east-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
  }

  /** Shows the page with an executor that only queues: the test runs the background work when it chooses. */
  private List<BackgroundTask<?>> queueingSession(FxRobot robot, List<ProfileSummary> profiles) {
    var queued = new ArrayList<BackgroundTask<?>>();
    BackgroundExecutor later = new BackgroundExecutor() {
      @Override
      public <T> void submit(BackgroundTask<T> task) {
        queued.add(task);
      }
    };
    show(robot, new WizardSession(sandbox, later, () -> profiles,
        new RecentSetups(dataDir.resolve("recent.json"), dataDir.resolve("journals")), TestSessions.BROWSED::add));
    return queued;
  }

  /** The sandbox's connector, saying that the default credential chain finds {@code found}. */
  private Connector withDefaultChain(Optional<DefaultChain> found) {
    return new Connector() {
      @Override
      public Session connect(Connection connection) throws Exception {
        attempts.add(connection);
        return sandbox.connect(Connection.sandbox(connection.region()));
      }

      @Override
      public Optional<DefaultChain> defaultChain() {
        return found;
      }
    };
  }

  @Test
  void defaultCredentials_withoutProfiles_areChosen_withTheChainsRegion_andConnectWithoutAProfile(FxRobot robot) {
    show(robot, TestSessions.with(List.of(), withDefaultChain(Optional.of(new DefaultChain("ap-northeast-1"))),
        dataDir));

    assertTrue(visible(robot, "defaultChainMode"));
    assertTrue(robot.lookup("#defaultChainMode").queryAs(RadioButton.class).isSelected());
    assertEquals("ap-northeast-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
    assertFalse(visible(robot, "profileField"));

    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());

    assertEquals(List.of(Connection.defaultChain("ap-northeast-1")), attempts);
    assertTrue(visible(robot, "identity"));
  }

  @Test
  void defaultCredentials_besideProfiles_areOffered_butTheFirstProfileIsChosen(FxRobot robot) {
    show(robot, TestSessions.with(List.of(KEYS), withDefaultChain(Optional.of(new DefaultChain(null))), dataDir));

    assertTrue(visible(robot, "defaultChainMode"));
    assertTrue(robot.lookup("#profileMode").queryAs(RadioButton.class).isSelected());

    robot.interact(() -> robot.lookup("#defaultChainMode").queryAs(RadioButton.class).fire());

    assertFalse(visible(robot, "profileField"));
    assertEquals("eu-west-1", robot.lookup("#region").queryAs(ComboBox.class).getEditor().getText());
  }

  @Test
  void noDefaultCredentials_areNotOffered(FxRobot robot) {
    show(robot, TestSessions.with(List.of(), withDefaultChain(Optional.empty()), dataDir));

    assertFalse(visible(robot, "defaultChainMode"));
    assertFalse(visible(robot, "defaultChainNote"));
    assertTrue(robot.lookup("#sandboxMode").queryAs(RadioButton.class).isSelected());
  }

  @Test
  void defaultCredentials_areLookedForInTheBackground(FxRobot robot) {
    var lookingThread = new AtomicReference<Thread>();
    Connector connector = new Connector() {
      @Override
      public Session connect(Connection connection) throws Exception {
        return sandbox.connect(connection);
      }

      @Override
      public Optional<DefaultChain> defaultChain() {
        lookingThread.set(Thread.currentThread());
        return Optional.of(new DefaultChain("eu-west-1"));
      }
    };
    var queued = new ArrayList<BackgroundTask<?>>();
    BackgroundExecutor later = new BackgroundExecutor() {
      @Override
      public <T> void submit(BackgroundTask<T> task) {
        queued.add(task);
      }
    };
    show(robot, new WizardSession(connector, later, List::of,
        new RecentSetups(dataDir.resolve("recent.json"), dataDir.resolve("journals")), TestSessions.BROWSED::add));
    assertNull(lookingThread.get(), "looking waits for the executor");
    assertFalse(visible(robot, "defaultChainMode"));

    List.copyOf(queued).forEach(StartPageTest::runHere);

    assertNotSame(fxThread(robot), lookingThread.get());
    assertTrue(robot.lookup("#defaultChainMode").queryAs(RadioButton.class).isSelected());
  }

  @Test
  void connectionProblem_showsItsAdviceInTheChosenLanguage(FxRobot robot) {
    show(robot, List.of(SSO), c -> {
      throw TestConnectionProblems.ssoExpired(c.profile());
    });

    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());

    assertEquals(TestConnectionProblems.ssoExpired("work-sso").message(Locale.ENGLISH),
        label(robot, "connectionProblem"));
    assertFalse(visible(robot, "identity"));
    assertNull(session.identity().get());
  }

  @Test
  void changingWhereToWork_forgetsTheConnection(FxRobot robot) {
    // whichever profile is chosen, the calls go to the simulated account
    show(robot, List.of(KEYS), c -> sandbox.connect(Connection.sandbox(c.region())));
    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());
    assertTrue(visible(robot, "identity"));

    robot.interact(() -> robot.lookup("#sandboxMode").queryAs(RadioButton.class).fire());

    assertFalse(visible(robot, "identity"));
    assertNull(session.connection().get());
  }

  @Test
  void connection_survivesLeavingAndComingBack(FxRobot robot) {
    show(robot, List.of(), sandbox);
    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());

    new WizardDriver(robot, model).goTo(Step.BASICS);
    new WizardDriver(robot, model).goTo(Step.START);

    assertTrue(visible(robot, "identity"));
    assertEquals(1, attempts.size());
  }

  @Test
  void customEndpoint_connectsThere_andAnInvalidUrlIsExplained(FxRobot robot) {
    show(robot, List.of(KEYS), sandbox);
    var wizard = new WizardDriver(robot, model);
    robot.interact(() -> robot.lookup("#endpointMode").queryAs(RadioButton.class).fire());
    assertTrue(visible(robot, "endpointField"));

    wizard.type("endpoint", "localhost");
    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());
    assertTrue(label(robot, "connectionProblem").startsWith("Enter the endpoint as a full URL"));
    assertTrue(attempts.isEmpty());

    wizard.type("endpoint", "http://localhost:4566");
    robot.interact(() -> robot.lookup("#connectButton").queryButton().fire());
    assertEquals(Connection.Mode.ENDPOINT, attempts.get(0).mode());
    assertEquals("http://localhost:4566", attempts.get(0).endpoint().toString());
  }

  @Test
  void openSetupFile_loadsIt_andListsItAmongRecentSetups(FxRobot robot) throws Exception {
    Path file = dataDir.resolve("other.json");
    SpecJson.save(SpecDefaults.tutorial("other", "eu-west-1"), file);
    dialogs.fileToOpen = file;
    show(robot, List.of(), sandbox);
    assertTrue(visible(robot, "noRecent"));

    robot.interact(() -> robot.lookup("#openFileButton").queryButton().fire());

    assertEquals("other", model.spec().get().name());
    ListView<?> recent = robot.lookup("#recentList").queryAs(ListView.class);
    assertEquals(List.of(new RecentSetups.Entry(file.toAbsolutePath().normalize(), "other", false)),
        recent.getItems());
    assertFalse(visible(robot, "noRecent"));
  }

  @Test
  void recentSetup_loadsWhenChosen_andSaysWhenItWasCreated(FxRobot robot) throws Exception {
    Path file = dataDir.resolve("shop-eu.json");
    SpecJson.save(SpecDefaults.tutorial("shop-eu", "eu-west-1"), file);
    Files.createDirectories(dataDir.resolve("journals"));
    Files.writeString(dataDir.resolve("journals/shop-eu.journal.json"), "{}");
    new RecentSetups(dataDir.resolve("recent-setups.json"), dataDir.resolve("journals")).add(file);
    show(robot, List.of(), sandbox);
    ListView<?> recent = robot.lookup("#recentList").queryAs(ListView.class);
    assertTrue(robot.lookup("#openRecentButton").queryButton().isDisabled());

    robot.interact(() -> recent.getSelectionModel().select(0));
    robot.interact(() -> robot.lookup("#openRecentButton").queryButton().fire());

    assertEquals("shop-eu", model.spec().get().name());
    assertTrue(robot.lookup(".list-cell").queryAll().stream().map(n -> ((ListCell<?>) n).getText())
        .anyMatch(text -> text != null && text.startsWith("shop-eu (created)")));
  }

  @Test
  void reopenedSetupsDashboard_isOfferedBeforeConnecting_andConnectsOnDemandInTheSetupsRegion(FxRobot robot)
      throws Exception {
    Path file = dataDir.resolve("shop-eu.json");
    SpecJson.save(SpecDefaults.tutorial("shop-eu", "eu-west-1"), file);
    Files.createDirectories(dataDir.resolve("journals"));
    Files.writeString(dataDir.resolve("journals/shop-eu.journal.json"), "{}");
    new RecentSetups(dataDir.resolve("recent-setups.json"), dataDir.resolve("journals")).add(file);
    show(robot, List.of(), sandbox);
    ListView<?> recent = robot.lookup("#recentList").queryAs(ListView.class);
    robot.interact(() -> recent.getSelectionModel().select(0));
    assertNull(session.workspace().get());
    assertFalse(robot.lookup("#recentDashboardButton").queryButton().isDisabled(), "no Connect needed first");

    robot.interact(() -> robot.lookup("#recentDashboardButton").queryButton().fire());

    try {
      assertEquals("eu-west-1", session.workspace().get().region());
      assertTrue(visible(robot, "identity"), "the Start page shows the connection it made");
      assertEquals(1, session.dashboards().count());
    } finally {
      robot.interact(() -> session.dashboards().closeAll());
    }
  }

  private static void runHere(BackgroundTask<?> task) {
    try {
      Object value = task.call();
      runOnFx(() -> succeed(task, value));
    } catch (Exception e) {
      runOnFx(() -> task.failed(e));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void succeed(BackgroundTask<T> task, Object value) {
    task.succeeded((T) value);
  }

  private static void runOnFx(Runnable action) {
    var done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        action.run();
      } finally {
        done.countDown();
      }
    });
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread fxThread(FxRobot robot) {
    var thread = new AtomicReference<Thread>();
    robot.interact(() -> thread.set(Thread.currentThread()));
    return thread.get();
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  private static boolean visible(FxRobot robot, String id) {
    for (var node = robot.lookup("#" + id).query(); node != null; node = node.getParent()) {
      if (!node.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
