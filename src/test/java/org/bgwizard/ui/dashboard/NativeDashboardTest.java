package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.NativeEcsFake;
import org.bgwizard.aws.RoutingAwsServer;
import org.bgwizard.aws.SdkDeploymentCommands;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkServiceDeployments;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentMonitor;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard of an ECS built-in blue/green service paused before production traffic, its SDK calls going to a
 * loopback fake of ECS and ELB, on a fixed clock.
 */
@ExtendWith(ApplicationExtension.class)
class NativeDashboardTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1765000400), ZoneOffset.UTC);
  private final RoutingAwsServer server = RoutingAwsServer.start();
  private final NativeEcsFake ecs = new NativeEcsFake(server);
  private final AwsClients clients = server.clients("us-east-1");
  private final RecordingDialogs dialogs = new RecordingDialogs();
  private final DeploymentMonitor monitor = new DeploymentMonitor(
      DeploymentTarget.ecsNative(NativeEcsFake.CLUSTER, NativeEcsFake.SERVICE, null, null),
      new SdkDeploymentReader(clients), new SdkServiceDeployments(clients), CLOCK, (delay, task) -> () -> { },
      Locale.ENGLISH);
  private Stage stage;

  private void open(Locale locale) {
    WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
      stage = new Stage();
      var window = new DashboardWindow(stage, Messages.of(locale), dialogs, new CurrentThreadExecutor(),
          new DashboardServices(monitor, new DeploymentActions(new SdkDeploymentCommands(clients),
              new SdkServiceDeployments(clients)), null, uri -> { }, CLOCK, false, null));
      window.show();
    });
    monitor.refreshNow();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() {
    if (stage != null) {
      WaitForAsyncUtils.waitForAsyncFx(30_000, stage::close);
    }
    clients.close();
    server.close();
  }

  private org.testfx.service.query.NodeQuery find(String id) {
    return new FxRobot().from(stage.getScene().getRoot()).lookup(id);
  }

  private String text(String id) {
    return find(id).queryAs(Label.class).getText();
  }

  @SuppressWarnings("unchecked")
  private List<String> items(String id) {
    return List.copyOf(find(id).queryAs(ListView.class).getItems());
  }

  @Test
  void paused_showsTimelinePauseCountdownAndApprove_withoutRerouteOrTerminate(FxRobot robot) {
    open(Locale.ENGLISH);

    assertEquals("Deployment dashboard — demo-cluster / demo-service", stage.getTitle());
    assertFalse(find("#rerouteButtonHolder").query().isVisible());
    assertFalse(find("#terminateButtonHolder").query().isVisible());
    assertTrue(find("#nativeNoteLabel").query().isVisible());
    assertTrue(text("#nativeNoteLabel").contains("ECS has no such call"), text("#nativeNoteLabel"));
    assertTrue(text("#deploymentLabel").startsWith("Service deployment Ab12Cd34   IN_PROGRESS"),
        text("#deploymentLabel"));
    assertTrue(text("#deploymentLabel").contains("pause before production traffic (times out after 60 min: ROLLBACK)"),
        text("#deploymentLabel"));
    assertTrue(items("#eventsList").contains("‖  PRE_PRODUCTION_TRAFFIC_SHIFT   paused: approve or roll back"),
        items("#eventsList").toString());
    assertTrue(items("#eventsList").contains("✓  POST_TEST_TRAFFIC_SHIFT   done"), items("#eventsList").toString());
    assertTrue(text("#countdownLabel").startsWith("Paused before production traffic: approve or roll back within"
        + " 0:58:20, or ECS will ROLLBACK."), text("#countdownLabel"));
    assertTrue(items("#historyList").get(0).startsWith("Zz98Yy76  SUCCESSFUL"), items("#historyList").toString());
    assertEquals("No pipeline is known for this service", text("#pipelineLabel"));
    assertFalse(find("#approveButton").queryAs(Button.class).isDisabled());
    assertFalse(find("#rollbackButton").queryAs(Button.class).isDisabled());

    robot.clickOn(find("#approveButton").queryButton());
    WaitForAsyncUtils.waitForFxEvents();

    assertTrue(dialogs.fake.questions.get(0).header().startsWith("The paused deployment continues"),
        dialogs.fake.questions.get(0).header());
    String call = server.calls("ContinueServiceDeployment").get(0).body();
    assertTrue(call.contains("\"action\":\"CONTINUE\"") && call.contains(NativeEcsFake.HOOK), call);
    assertTrue(text("#countdownLabel").startsWith("Bake time: ECS removes the original revision in 0:13:20"),
        text("#countdownLabel"));
    assertTrue(items("#eventsList").contains("▶  BAKE_TIME   in progress"), items("#eventsList").toString());
    assertTrue(find("#approveButton").queryAs(Button.class).isDisabled(), "nothing paused any more");
  }

  @Test
  void japanese_saysWhyThereIsNoTerminate_andCountsThePauseDown() {
    open(Locale.JAPANESE);

    assertTrue(text("#nativeNoteLabel").contains("ベイク時間が終わると ECS が元のリビジョンを削除します"),
        text("#nativeNoteLabel"));
    assertTrue(text("#countdownLabel").startsWith(
        "本番トラフィックの前で一時停止中：残り 0:58:20 以内に承認またはロールバック（過ぎると ECS が ROLLBACK）"),
        text("#countdownLabel"));
    assertTrue(items("#eventsList").contains("‖  PRE_PRODUCTION_TRAFFIC_SHIFT   一時停止中：承認またはロールバック"),
        items("#eventsList").toString());
    assertEquals("このサービスのパイプラインは不明です", text("#pipelineLabel"));
  }

  @Test
  void oneWindowPerService_twoServicesTwoWindows() throws Exception {
    var registry = new OpenDashboards();
    var other = DeploymentTarget.ecsNative(NativeEcsFake.CLUSTER, "other-service", null, null);
    DashboardWindow first = WaitForAsyncUtils.asyncFx(() -> registry.open(monitor.target(), this::window)).get();
    DashboardWindow again = WaitForAsyncUtils.asyncFx(() -> registry.open(monitor.target(),
        () -> { throw new AssertionError("a second window for the same service"); })).get();
    DashboardWindow second = WaitForAsyncUtils.asyncFx(() -> registry.open(other, this::window)).get();

    assertSame(first, again);
    assertNotSame(first, second);
    assertEquals(2, registry.count());
    WaitForAsyncUtils.waitForAsyncFx(30_000, registry::closeAll);
  }

  private DashboardWindow window() {
    var window = new DashboardWindow(new Stage(), Messages.of(Locale.ENGLISH), dialogs, new CurrentThreadExecutor(),
        new DashboardServices(monitor, new DeploymentActions(new SdkDeploymentCommands(clients),
            new SdkServiceDeployments(clients)), null, uri -> { }, CLOCK, false, null));
    window.show();
    return window;
  }
}
