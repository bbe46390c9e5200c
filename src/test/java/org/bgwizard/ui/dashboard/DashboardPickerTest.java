package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.bgwizard.sandbox.BlueGreenSandbox;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.session.Session;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Picking an existing ECS deployment group (one this app did not create) in the sandbox, and opening it. */
@ExtendWith(ApplicationExtension.class)
class DashboardPickerTest {
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
    ListView<DeploymentTarget> list = find("#targetsList", ListView.class);
    assertEquals(List.of(new DeploymentTarget(BlueGreenSandbox.APPLICATION, BlueGreenSandbox.GROUP, null)),
        list.getItems());
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
  void pickAndOpen_whenListingFails_saysWhy_andOffersNothingToOpen(FxRobot robot) throws Exception {
    bg.sandbox().faults().throttle(Service.CODEDEPLOY, "ListApplications", 5);
    pick();

    assertTrue(find("#statusLabel", Label.class).getText().startsWith("Cannot list the deployment groups: "),
        find("#statusLabel", Label.class).getText());
    assertTrue(find("#openButton", Button.class).isDisabled());
  }
}
