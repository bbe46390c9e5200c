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
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.PickableTarget;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.steps.MigrationSpec;
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.session.Session;
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

/** Picking an existing ECS deployment group (one this app did not create) in the sandbox, and opening it. */
@ExtendWith(ApplicationExtension.class)
class DashboardPickerTest {
  @TempDir
  Path dir;
  private final BlueGreenSandbox bg = BlueGreenSandbox.create(BlueGreenSandbox.ALL_AT_ONCE, null, 5);
  private final Session session = TestWorkspaces.over(bg.sandbox(), bg.clock());
  private DashboardPicker picker;

  private void pick() throws Exception {
    picker = WaitForAsyncUtils.asyncFx(() -> Dashboards.pickAndOpen(null, session,
        Messages.of(Locale.ENGLISH), new FakeDialogs(), new CurrentThreadExecutor(), uri -> { }, new OpenDashboards()))
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private <T extends javafx.scene.Node> T find(String id, Class<T> type) {
    return new FxRobot().from(picker.stage().getScene().getRoot()).lookup(id).queryAs(type);
  }

  @AfterEach
  void closeWindows() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void pickAndOpen_listsTheAccountsEcsGroups_andOpensTheChosenOnesDashboard(FxRobot robot) throws Exception {
    bg.sandbox().codeDeploy().createApplication(r -> r.applicationName("ServerApp").computePlatform("Server"));
    pick();
    @SuppressWarnings("unchecked")
    ListView<PickableTarget> list = find("#targetsList", ListView.class);
    assertEquals(List.of(PickableTarget.codeDeploy(new DeploymentTarget(BlueGreenSandbox.APPLICATION,
        BlueGreenSandbox.GROUP, null))), list.getItems());
    assertEquals("1 deployment group", find("#statusLabel", Label.class).getText());
    assertEquals("Open a deployment dashboard", picker.stage().getTitle());

    robot.clickOn(find("#openButton", Button.class));

    assertFalse(picker.stage().isShowing());
    Stage dashboard = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && "Deployment dashboard — AppECS-demo / DgpECS-demo".equals(s.getTitle())).findFirst().orElseThrow();
    assertTrue(dashboard.isShowing());
    assertFalse(robot.from(dashboard.getScene().getRoot()).lookup("#migrateButton").query().isVisible(),
        "a group picked from the account has no setup file to move");
  }

  @Test
  void pickAndOpen_listsEcsBlueGreenServicesToo_markedByStrategy_andOpensTheirNativeDashboard(FxRobot robot)
      throws Exception {
    var clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
    var account = Sandbox.inMemory("us-east-1", clock);
    Session both = TestWorkspaces.over(account, clock, dir.resolve("journals"));
    var ops = both.operations();
    for (SetupSpec spec : List.of(SpecDefaults.tutorial("demo", "us-east-1"),
        MigrationSpec.toNative(SpecDefaults.tutorial("web", "us-east-1")))) {
      var result = ops.apply(ops.plan(spec), both.journal(spec), ProvisionListener.NONE);
      assertTrue(result.succeeded(), () -> String.valueOf(result.failed()));
    }
    picker = WaitForAsyncUtils.asyncFx(() -> Dashboards.pickAndOpen(null, both, Messages.of(Locale.ENGLISH),
        new FakeDialogs(), new CurrentThreadExecutor(), uri -> { }, new OpenDashboards())).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    @SuppressWarnings("unchecked")
    ListView<PickableTarget> list = find("#targetsList", ListView.class);
    assertEquals(List.of(
        PickableTarget.codeDeploy(new DeploymentTarget("AppECS-demo-cluster-demo-service",
            "DgpECS-demo-cluster-demo-service", "demo-pipeline", new DeploymentTarget.SourceBranch("demo", "main"))),
        new PickableTarget(DeploymentTarget.ecsNative("web-cluster", "web-service", "web-pipeline",
            new DeploymentTarget.SourceBranch("web", "main")), "BLUE_GREEN")), list.getItems());
    assertEquals("1 deployment group, 1 ECS blue/green service", find("#statusLabel", Label.class).getText());
    var shown = robot.from(list).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    assertTrue(shown.containsAll(List.of("CodeDeploy blue/green", "ECS blue/green (BLUE_GREEN)", "Service web-service",
        "Cluster web-cluster", "Pipeline web-pipeline")), shown.toString());

    WaitForAsyncUtils.asyncFx(() -> list.getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
    robot.clickOn(find("#openButton", Button.class));

    Stage dashboard = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && "Deployment dashboard — web-cluster / web-service".equals(s.getTitle())).findFirst().orElseThrow();
    assertTrue(robot.from(dashboard.getScene().getRoot()).lookup("#nativeNoteLabel").query().isVisible());
    both.close();
  }

  @Test
  void count_namesBothKinds_inEnglishAndJapanese() {
    assertEquals("2 deployment groups", Messages.of(Locale.ENGLISH).format("dashboard.picker.count", 2, 0));
    assertEquals("1 deployment group, 3 ECS blue/green services",
        Messages.of(Locale.ENGLISH).format("dashboard.picker.count", 1, 3));
    assertEquals("デプロイグループ 2 件", Messages.of(Locale.JAPANESE).format("dashboard.picker.count", 2, 0));
    assertEquals("デプロイグループ 0 件、ECS ブルー/グリーンのサービス 3 件",
        Messages.of(Locale.JAPANESE).format("dashboard.picker.count", 0, 3));
  }

  @Test
  void pickAndOpen_whenListingFails_saysWhy_andOffersNothingToOpen(FxRobot robot) throws Exception {
    bg.sandbox().faults().throttle(Service.CODEDEPLOY, "ListApplications", 5);
    pick();

    assertTrue(find("#statusLabel", Label.class).getText().startsWith("Cannot list the deployment groups and ECS services: "),
        find("#statusLabel", Label.class).getText());
    assertTrue(find("#openButton", Button.class).isDisabled());
  }
}
