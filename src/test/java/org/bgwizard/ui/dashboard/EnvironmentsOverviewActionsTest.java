package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.deploy.Practice;
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
import software.amazon.awssdk.services.codepipeline.model.ActionState;

/**
 * The overview's actions on a whole dev/qa/prod setup applied in a simulated account on manual time (issue 15): a
 * release that reached dev promoted to qa from dev's row, prod's approval rejected with a reason and approved from
 * prod's row, every row opening its own environment's dashboard, and a refusal worded in Japanese.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsOverviewActionsTest {
  private static final SetupSpec SPEC = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
      List.of("dev", "qa", "prod"));
  @TempDir Path dir;
  private final ManualClock clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
  private final Sandbox sandbox = Sandbox.inMemory("us-east-1", clock);
  private final OpenDashboards dashboards = new OpenDashboards();
  private final FakeDialogs dialogs = new FakeDialogs();
  private Session session;
  private AwsClients aws;
  private EnvironmentsOverview overview;

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

  /** The whole setup applied, then its overview open in {@code locale}. */
  private void applyAndOpen(Locale locale) throws Exception {
    session = TestWorkspaces.over(sandbox, clock, dir.resolve("journals"));
    aws = TestWorkspaces.clients(session);
    var journal = session.journal(SPEC);
    var applied = session.operations().apply(session.operations().plan(SPEC, journal), journal,
        ProvisionListener.NONE);
    assertTrue(applied.succeeded(), applied.toString());
    dialogs.confirmAnswer = true;
    overview = WaitForAsyncUtils.asyncFx(() -> EnvironmentsOverview.open(SPEC, session, Messages.of(locale),
        dialogs, new CurrentThreadExecutor(), dashboards, uri -> { })).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> overview.rows().stream().allMatch(r -> r.snapshot().get() != null));
  }

  @Test
  void aReleaseThatReachedDev_promotedFromItsRow_movesQasBranch_andQasRowShowsTheNewCommitAndRun(FxRobot robot)
      throws Exception {
    applyAndOpen(Locale.ENGLISH);
    advanceUntil(() -> deployed(row("dev")));
    var dev = target("dev");
    String release = session.practice().orElseThrow().release(dev.source().repository(), dev.source().branch(),
        dev.pipeline(), Practice.Behaviour.HEALTHY);
    String released = head("main");
    advanceUntil(() -> deployed(row("dev")) && runId(row("dev")).equals(release));
    assertEquals(released.substring(0, 8), row("dev").commit());
    String qaBefore = head("qa");
    assertNotEquals(released, qaBefore);

    fire(robot, "overviewPromote-dev");

    assertEquals("Promote dev to qa", dialogs.questions.get(0).title());
    assertEquals(List.of(), dialogs.errors);
    assertEquals(released, head("qa"), "qa's branch was fast-forwarded to dev's");
    String info = dialogs.infos.get(0);
    assertTrue(info.startsWith("dev promoted to qa\nqa’s branch qa is now at " + released.substring(0, 8) + ".\n"
        + "Pipeline shop-pipeline-qa: run "), info);
    String run = info.substring(info.indexOf(": run ") + 6, info.indexOf(" started by the change"));
    advanceUntil(() -> runId(row("qa")).equals(run) && deployed(row("qa")));
    assertEquals(released.substring(0, 8), row("qa").commit());
    assertEquals(released.substring(0, 8), text(robot, "overviewCommit-qa"));
    assertEquals("Succeeded", text(robot, "overviewPipeline-qa"));
  }

  @Test
  void prodsApproval_rejectedWithAReasonFromItsRow_thenTheNextRunApproved_goesOnToDeploy(FxRobot robot)
      throws Exception {
    applyAndOpen(Locale.ENGLISH);
    advanceUntil(() -> row("prod").approvalWaiting());
    assertEquals("Waiting", text(robot, "overviewApproval-prod"));
    assertTrue(button(robot, "overviewApprove-dev").isDisabled(), "no approval waits in dev");

    WaitForAsyncUtils.asyncFx(() -> field(robot, "overviewReason-prod").replaceText(0, 0, "x".repeat(513)))
        .get(10, TimeUnit.SECONDS);
    assertEquals("", field(robot, "overviewReason-prod").getText(), "a summary is at most 512 characters");
    WaitForAsyncUtils.asyncFx(() -> field(robot, "overviewReason-prod").replaceText(0, 0, "QA found a broken page"))
        .get(10, TimeUnit.SECONDS);
    fire(robot, "overviewReject-prod");

    var question = dialogs.questions.get(dialogs.questions.size() - 1);
    assertEquals("Reject: prod", question.title());
    assertEquals("Summary recorded with the answer: QA found a broken page", question.details());
    assertEquals(List.of(), dialogs.errors);
    ActionState approval = approvalAction();
    assertEquals("QA found a broken page", approval.latestExecution().summary(), "the reason is the summary");
    assertEquals("Failed", approval.latestExecution().statusAsString());
    assertFalse(row("prod").approvalWaiting());
    assertEquals("", field(robot, "overviewReason-prod").getText());
    assertTrue(field(robot, "overviewReason-prod").isDisabled());

    String rejected = runId(row("prod"));
    aws.codePipeline().startPipelineExecution(b -> b.name("shop-pipeline-prod"));
    advanceUntil(() -> row("prod").approvalWaiting() && !runId(row("prod")).equals(rejected));
    fire(robot, "overviewApprove-prod");

    assertEquals("Approve: prod", dialogs.questions.get(dialogs.questions.size() - 1).title());
    assertEquals(List.of(), dialogs.errors);
    assertEquals("Succeeded", approvalAction().latestExecution().statusAsString());
    assertEquals("Approved from the dashboard", approvalAction().latestExecution().summary());
    advanceUntil(() -> deployed(row("prod")) && !runId(row("prod")).equals(rejected));
    var stages = aws.codePipeline().getPipelineState(b -> b.name("shop-pipeline-prod")).stageStates();
    assertTrue(stages.stream().anyMatch(s -> s.stageName().equals("Deploy") && s.latestExecution() != null
        && s.latestExecution().pipelineExecutionId().equals(runId(row("prod")))), stages::toString);
  }

  @Test
  void eachRow_opensItsOwnEnvironmentsDashboard(FxRobot robot) throws Exception {
    applyAndOpen(Locale.ENGLISH);
    for (String env : List.of("dev", "qa", "prod")) {
      fire(robot, "overviewOpen-" + env);
      var spec = Environments.expand(SPEC, env).orElseThrow().spec();
      String title = "Deployment dashboard — " + spec.codeDeploy().application() + " / "
          + spec.codeDeploy().deploymentGroup();
      assertEquals(1, Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
          && title.equals(s.getTitle())).count(), title);
    }
    assertEquals(3, dashboards.count());
    fire(robot, "overviewOpen-qa");
    assertEquals(3, dashboards.count(), "qa's dashboard is brought to the front, not opened twice");
  }

  @Test
  void inJapanese_aPromotionWhileDevsRunGoesOn_isRefusedInJapanese_andDivergedBranchesToo(FxRobot robot)
      throws Exception {
    applyAndOpen(Locale.JAPANESE);
    fire(robot, "overviewPromote-dev");
    String refusal = dialogs.errors.get(0);
    assertTrue(refusal.matches("(?s)昇格しませんでした: dev の最新の変更は正常にデプロイされていないため、qa へは進めません。\n"
        + "dev のパイプライン shop-pipeline-dev の最新の実行 \\S+ は InProgress です: dev で正常にデプロイされた変更だけが"
        + "進みます。"), refusal);

    advanceUntil(() -> deployed(row("dev")) && deployed(row("qa")));
    var qa = target("qa");
    session.practice().orElseThrow().release(qa.source().repository(), qa.source().branch(), qa.pipeline(),
        Practice.Behaviour.HEALTHY);
    String qaHead = head("qa");
    fire(robot, "overviewPromote-dev");

    assertEquals(2, dialogs.errors.size(), dialogs.errors::toString);
    assertEquals("昇格しませんでした: qa のブランチ qa に dev のブランチ main にないコミットがあります (ブランチが分岐しています)。"
        + "そのため早送りできません。\nshop のクローンで手動でマージしてください: git fetch && git checkout qa && git merge"
        + " origin/main && git push (プッシュで qa のパイプラインが始まります)。", dialogs.errors.get(1));
    assertEquals(qaHead, head("qa"), "nothing was merged");
  }

  private EnvironmentRow row(String env) {
    return overview.rows().stream().filter(r -> r.name().equals(env)).findFirst().orElseThrow();
  }

  private static org.bgwizard.deploy.DeploymentTarget target(String env) {
    return org.bgwizard.deploy.DeploymentTarget.of(Environments.expand(SPEC, env).orElseThrow().spec());
  }

  private static boolean deployed(EnvironmentRow row) {
    return row.pipelineStatus().equals("Succeeded") && row.deploymentStatus().equals("Succeeded");
  }

  private static String runId(EnvironmentRow row) {
    var s = row.snapshot().get();
    return s == null || s.pipeline() == null || s.pipeline().executions().isEmpty() ? ""
        : s.pipeline().executions().get(0).id();
  }

  private String head(String branch) {
    return aws.codeCommit().getBranch(b -> b.repositoryName("shop").branchName(branch)).branch().commitId();
  }

  /** The manual approval action of prod's pipeline (Build/Approve), as CodePipeline's GetPipelineState shows it. */
  private ActionState approvalAction() {
    return aws.codePipeline().getPipelineState(b -> b.name("shop-pipeline-prod")).stageStates().stream()
        .filter(s -> s.stageName().equals("Build")).flatMap(s -> s.actionStates().stream())
        .filter(a -> a.actionName().equals("Approve")).findFirst().orElseThrow();
  }

  private void advanceUntil(BooleanSupplier done) throws Exception {
    OverviewDriver.advanceUntil(overview, clock, sandbox, done);
  }

  private void fire(FxRobot robot, String id) throws Exception {
    OverviewDriver.fire(robot, overview, id);
  }

  private Button button(FxRobot robot, String id) {
    return OverviewDriver.button(robot, overview, id);
  }


  private TextField field(FxRobot robot, String id) {
    return robot.from(overview.stage().getScene().getRoot()).lookup("#" + id).queryAs(TextField.class);
  }

  private String text(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot()).lookup("#" + id)
        .queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
  }
}
