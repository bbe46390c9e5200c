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
    assertEquals("Promote to qa", robot.from(overview.stage().getScene().getRoot()).lookup("#overviewPromote-dev")
        .queryAs(Button.class).getText());
    assertTrue(robot.from(overview.stage().getScene().getRoot()).lookup("#overviewPromote-devHolder")
        .queryAs(Label.class).getTooltip().getText().contains("deploy promote shop.json --from dev --to qa"));
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

  private String text(FxRobot robot, String id) {
    try {
      return WaitForAsyncUtils.asyncFx(() -> robot.from(overview.stage().getScene().getRoot()).lookup("#" + id)
          .queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
