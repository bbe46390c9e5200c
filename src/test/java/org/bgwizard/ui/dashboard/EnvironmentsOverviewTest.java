package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.session.Session;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The environments overview (issue 15) on the simulated account: one row per environment, each read by its own
 * monitor (dev is created, qa and prod are not), each opening its own environment's dashboard.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsOverviewTest {
  private static final SetupSpec SPEC = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
      List.of("dev", "qa", "prod"));
  @TempDir Path dir;
  private Session session;
  private EnvironmentsOverview overview;
  private final OpenDashboards dashboards = new OpenDashboards();

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> {
      dashboards.closeAll();
      if (overview != null) {
        overview.stage().close();
      }
    }).get(10, TimeUnit.SECONDS);
    if (session != null) {
      session.close();
    }
  }

  @Test
  void oneRowPerEnvironment_readByItsOwnMonitor_openingItsOwnDashboard(FxRobot robot) throws Exception {
    session = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"));
    var dev = Environments.expand(SPEC, "dev").orElseThrow().spec();
    var journal = session.journal(dev);
    var created = session.operations().apply(session.operations().plan(dev, journal), journal,
        ProvisionListener.NONE);
    assertTrue(created.succeeded(), created.toString());

    overview = WaitForAsyncUtils.asyncFx(() -> EnvironmentsOverview.open(SPEC, session,
        Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(), dashboards, uri -> { }))
        .get(30, TimeUnit.SECONDS);
    assertEquals("Environments — shop", overview.stage().getTitle());
    assertEquals(List.of("dev", "qa", "prod"), overview.rows().stream().map(EnvironmentRow::name).toList());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> overview.rows().stream().allMatch(r -> r.snapshot().get() != null));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text(robot, "overviewPipeline-dev").equals("—"));
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals("—", text(robot, "overviewPipeline-qa"), "qa has no pipeline yet: nothing was read for it");
    assertEquals("—", text(robot, "overviewDeployment-qa"));
    assertTrue(robot.from(overview.stage().getScene().getRoot()).lookup("#overviewApprove-prod").queryAs(Button.class)
        .isDisabled(), "no approval waits");
    var promote = robot.from(overview.stage().getScene().getRoot()).lookup("#overviewPromote-dev")
        .queryAs(Button.class);
    assertEquals("Promote to qa", promote.getText());
    assertTrue(promote.getTooltip().getText().contains("fast-forward merge of dev’s branch main into qa’s branch qa"),
        promote.getTooltip().getText());
    assertTrue(robot.from(overview.stage().getScene().getRoot()).lookup("#overviewPromote-prod").tryQuery()
        .isEmpty(), "the last environment has no next one");
    assertTrue(robot.from(overview.stage().getScene().getRoot()).lookup("#simulatedLabel").tryQuery().isPresent());

    var qa = Environments.expand(SPEC, "qa").orElseThrow().spec();
    WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot()).lookup("#overviewOpen-qa")
        .queryAs(Button.class).fire()).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    String title = "Deployment dashboard — " + qa.codeDeploy().application() + " / "
        + qa.codeDeploy().deploymentGroup();
    assertTrue(qa.codeDeploy().deploymentGroup().endsWith("-qa"), qa.codeDeploy().deploymentGroup());
    assertEquals(1, Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && title.equals(s.getTitle())).count(), title);
    assertEquals(1, dashboards.count());
    assertFalse(overview.rows().get(0).pipelineStatus().isEmpty());
  }

  /**
   * dev and a gated qa on the simulated account, approvals mailed to a topic the setup uses as it is: the refusal
   * while dev has not deployed, the subscription confirmed from the inbox, the approval request of qa's run in the
   * inbox, and qa's approval given from its row.
   */
  @Test
  void promoteRefusedWhileDevHasNotDeployed_subscriptionConfirmed_qasApprovalMailedAndApprovedFromTheRow(
      FxRobot robot)
      throws Exception {
    var clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    session = TestWorkspaces.over(sandbox, clock, dir.resolve("journals"));
    var sns = TestWorkspaces.clients(session).sns();
    String topic = sns.createTopic(b -> b.name("shop-approvals")).topicArn();
    sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("lead@example.com"));
    var base = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"), List.of("dev", "qa"));
    var spec = base.withEnvironments(new Environments(base.environments().list(), false,
        new Environments.ApprovalTopic("shop-approvals", topic, "lead@example.com")));
    var journal = session.journal(spec);
    var applied = session.operations().apply(session.operations().plan(spec, journal), journal,
        ProvisionListener.NONE);
    assertTrue(applied.succeeded(), applied.toString());
    var dialogs = new FakeDialogs();
    dialogs.confirmAnswer = true;
    overview = WaitForAsyncUtils.asyncFx(() -> EnvironmentsOverview.open(spec, session,
        Messages.of(Locale.ENGLISH), dialogs, new CurrentThreadExecutor(), dashboards, uri -> { }))
        .get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !overview.inbox().isEmpty());
    assertEquals("AWS Notification - Subscription Confirmation", overview.inbox().get(0).subject());

    fire(robot, "overviewPromote-dev");
    assertEquals("Promote dev to qa", dialogs.questions.get(0).title());
    assertTrue(dialogs.questions.get(0).header().startsWith("A fast-forward merge of dev’s branch main into qa’s"
        + " branch qa in the CodeCommit repository"), dialogs.questions.get(0).header());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
    assertTrue(dialogs.errors.get(0).startsWith("Not promoted: dev’s latest change has not deployed successfully,"
        + " so it does not move on to qa.\n"), dialogs.errors.get(0));

    fire(robot, "overviewConfirmSubscriptions");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.infos.isEmpty());
    assertTrue(dialogs.infos.get(0).startsWith("E-mail subscriptions confirmed: 1"), dialogs.infos.get(0));

    assertEquals(1, overview.inbox().size(), "a confirmation mail only: nothing was published yet");
  }

  /**
   * A waiting approval given from the row, its request mailed to a topic the pipeline notifies (here a setup whose
   * pipeline already builds on this branch: one row, the setup itself), newest mail first with its text shown.
   */
  @Test
  void approvalRequestInTheInbox_andApprovedFromTheRow(FxRobot robot) throws Exception {
    var clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
    var sandbox = Sandbox.inMemory("us-east-1", clock);
    session = TestWorkspaces.over(sandbox, clock, dir.resolve("journals"));
    var sns = TestWorkspaces.clients(session).sns();
    String topic = sns.createTopic(b -> b.name("demo-approvals")).topicArn();
    sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("lead@example.com"));
    session.simulated().orElseThrow().confirmEmailSubscriptions();
    var spec = SpecDefaults.tutorial("demo", "us-east-1")
        .withPipeline(new org.bgwizard.setup.Pipeline("demo-pipeline", null, true, topic));
    var journal = session.journal(spec);
    var applied = session.operations().apply(session.operations().plan(spec, journal), journal,
        ProvisionListener.NONE);
    assertTrue(applied.succeeded(), applied.toString());
    var dialogs = new FakeDialogs();
    dialogs.confirmAnswer = true;
    overview = WaitForAsyncUtils.asyncFx(() -> EnvironmentsOverview.open(spec, session,
        Messages.of(Locale.ENGLISH), dialogs, new CurrentThreadExecutor(), dashboards, uri -> { }))
        .get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overview.rows().get(0).snapshot().get() != null);
    String id = overview.rows().get(0).name();

    advanceUntil(clock, sandbox, () -> overview.rows().get(0).approvalWaiting());
    assertTrue(overview.inbox().get(0).subject().startsWith("APPROVAL NEEDED"), overview.inbox().get(0).subject());
    var mail = overview.inbox().get(0);
    assertEquals("lead@example.com", mail.recipient());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(mail.body(), WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot())
        .lookup("#overviewInboxBody").queryAs(javafx.scene.control.TextArea.class).getText()).get(10, TimeUnit.SECONDS),
        "the newest mail is shown");
    assertEquals("Waiting", text(robot, "overviewApproval-" + id));

    fire(robot, "overviewApprove-" + id);
    assertEquals("Approve: " + id, dialogs.questions.get(dialogs.questions.size() - 1).title());
    assertFalse(overview.rows().get(0).approvalWaiting(), "the row is read again after the approval");
    assertEquals("None waiting", text(robot, "overviewApproval-" + id));
    assertEquals(List.of(), dialogs.errors);
  }

  /** The overview follows a language switch while it is open: the rows, the inbox and the title. */
  @Test
  void followsTheLanguage(FxRobot robot) throws Exception {
    session = TestWorkspaces.sandbox(dir.resolve("sandbox")).connect(Connection.sandbox("us-east-1"));
    overview = WaitForAsyncUtils.asyncFx(() -> EnvironmentsOverview.open(SPEC, session,
        Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(), dashboards, uri -> { }))
        .get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> overview.rows().stream().allMatch(r -> r.snapshot().get() != null));
    WaitForAsyncUtils.asyncFx(() -> dashboards.relocalize(Messages.of(Locale.JAPANESE))).get(10, TimeUnit.SECONDS);
    assertEquals("環境 — shop", overview.stage().getTitle());
    assertEquals("qa へ昇格", WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot())
        .lookup("#overviewPromote-dev").queryAs(Button.class).getText()).get(10, TimeUnit.SECONDS));
    assertEquals("サブスクリプションを確認 (シミュレーション)", WaitForAsyncUtils.asyncFx(() -> robot.from(
        overview.stage().getScene().getRoot()).lookup("#overviewConfirmSubscriptions").queryAs(Button.class)
        .getText()).get(10, TimeUnit.SECONDS));
    assertEquals("承認待ちなし", text(robot, "overviewApproval-qa"), "the rebuilt rows show the rows' state");
  }

  private void advanceUntil(ManualClock clock, Sandbox sandbox, java.util.function.BooleanSupplier done)
      throws Exception {
    OverviewDriver.advanceUntil(overview, clock, sandbox, done);
  }

  private void fire(FxRobot robot, String id) throws Exception {
    OverviewDriver.fire(robot, overview, id);
  }


  private String text(FxRobot robot, String id) {
    try {
      return WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot()).lookup("#" + id)
          .queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
