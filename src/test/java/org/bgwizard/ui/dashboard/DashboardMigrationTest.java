package org.bgwizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Move to ECS blue/green…" on the dashboard of the tutorial setup applied in the sandbox (its pipeline's first run
 * deploying with CodeDeploy): refused while that deployment runs, then planned, confirmed and run; the setup file
 * records ecs-native and the dashboard of the migrated setup takes the window's place.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardMigrationTest {
  private static final String REGION = "us-east-1";
  @TempDir
  Path dir;
  private final ManualClock clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
  private final Sandbox sandbox = Sandbox.inMemory(REGION, clock);
  private final SetupSpec spec = SpecDefaults.tutorial("demo", REGION);
  private final RecordingDialogs dialogs = new RecordingDialogs();
  private final OpenDashboards open = new OpenDashboards();
  private Session session;
  private Path file;

  @BeforeEach
  void applyTheTutorial() throws Exception {
    session = TestWorkspaces.over(sandbox, clock, dir.resolve("journals"));
    file = dir.resolve("demo.json");
    SpecJson.save(spec, file);
    var ops = session.operations();
    var result = ops.apply(ops.plan(spec), session.journal(spec), ProvisionListener.NONE);
    assertTrue(result.succeeded(), () -> String.valueOf(result.failed()));
  }

  @AfterEach
  void closeWindows() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(10, TimeUnit.SECONDS);
    session.close();
  }

  private void advanceUntil(Duration step, BooleanSupplier done) {
    for (int i = 0; i < 2000; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      clock.advance(step);
      sandbox.account().advanceToNow();
    }
    throw new AssertionError("the simulated account never reached the expected state");
  }

  private boolean codeDeployRuns() {
    return !sandbox.codeDeploy().listDeployments(r -> r.includeOnlyStatusesWithStrings("Created", "Queued",
        "InProgress", "Baking", "Ready")).deployments().isEmpty();
  }

  private boolean codeDeploySucceeded() {
    return !sandbox.codeDeploy().listDeployments(r -> r.includeOnlyStatusesWithStrings("Succeeded")).deployments()
        .isEmpty() && !codeDeployRuns();
  }

  private String controller() {
    return sandbox.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service")).services().get(0)
        .deploymentController().typeAsString();
  }

  private DashboardWindow openDashboard(Locale locale) throws Exception {
    var window = WaitForAsyncUtils.asyncFx(() -> Dashboards.openSetup(spec, file, session, Messages.of(locale),
        dialogs, new CurrentThreadExecutor(), uri -> { }, open)).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    return window;
  }

  private static <T extends Node> T find(Stage stage, String id, Class<T> type) {
    return new FxRobot().from(stage.getScene().getRoot()).lookup(id).queryAs(type);
  }

  private static Stage showing(String title) {
    return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
        && title.equals(s.getTitle())).findFirst().orElseThrow(() -> new AssertionError("no window " + title));
  }

  private static void fire(Button button) throws Exception {
    WaitForAsyncUtils.asyncFx(button::fire).get(300, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void codeDeploySetup_refusedWhileADeploymentRuns_thenMigrated_andTheDashboardTurnsNative() throws Exception {
    advanceUntil(Duration.ofSeconds(10), this::codeDeployRuns);
    DashboardWindow dashboard = openDashboard(Locale.ENGLISH);
    Button migrate = find(dashboard.stage(), "#migrateButton", Button.class);
    assertTrue(migrate.isVisible(), "a CodeDeploy setup opened with its file can move");
    assertEquals("Move to ECS blue/green…", migrate.getText());

    fire(migrate);

    Stage dialog = showing("Move to Amazon ECS blue/green");
    assertEquals(dashboard.stage(), dialog.getOwner());
    String refusal = find(dialog, "#migrationStatus", Label.class).getText();
    assertTrue(refusal.startsWith("The migration cannot start now; nothing was changed:"), refusal);
    assertTrue(refusal.contains("is in progress, and AWS changes a service's deployment controller only outside a"
        + " deployment"), refusal);
    assertTrue(find(dialog, "#migrationRunButton", Button.class).isDisabled());
    assertFalse(find(dialog, "#migrationSteps", ListView.class).isVisible(), "no plan to list");
    assertEquals("CODE_DEPLOY", controller());
    fire(find(dialog, "#migrationCloseButton", Button.class));
    assertFalse(dialog.isShowing());

    advanceUntil(Duration.ofMinutes(1), this::codeDeploySucceeded);
    fire(migrate);

    dialog = showing("Move to Amazon ECS blue/green");
    assertTrue(find(dialog, "#migrationSteps", ListView.class).isVisible());
    @SuppressWarnings("unchecked")
    List<String> steps = List.copyOf(find(dialog, "#migrationSteps", ListView.class).getItems());
    assertTrue(steps.stream().anyMatch(s -> s.startsWith("ECS service demo-service — exists but differs")
        && s.contains("CODE_DEPLOY → ECS")), steps.toString());
    assertTrue(steps.contains("IAM role demo-ecs-infrastructure — will be created"), steps.toString());
    assertTrue(steps.contains("Deployment group DgpECS-demo-cluster-demo-service — deleted (created by the setup for"
        + " CodeDeploy)"), steps.toString());
    String commands = find(dialog, "#migrationCommands", TextArea.class).getText();
    assertTrue(commands.contains("--deployment-controller type=ECS"), commands);
    assertTrue(commands.contains("aws deploy delete-deployment-group --application-name"
        + " AppECS-demo-cluster-demo-service"), commands);
    assertTrue(find(dialog, "#migrationStatus", Label.class).getText().endsWith(file + " records the strategy"
        + " ecs-native."), find(dialog, "#migrationStatus", Label.class).getText());
    assertFalse(Files.readString(file).contains("ecs-native"), "nothing changes before the confirmation");

    fire(find(dialog, "#migrationRunButton", Button.class));

    assertEquals("Move demo to Amazon ECS blue/green deployments now?", dialogs.fake.questions.get(0).header());
    assertFalse(dialog.isShowing());
    assertFalse(dashboard.stage().isShowing(), "the CodeDeploy dashboard made way");
    assertTrue(Files.readString(file).contains("\"ecs-native\""), Files.readString(file));
    assertEquals("ECS", controller());
    assertEquals(List.of(), sandbox.codeDeploy().listApplications(r -> { }).applications());
    Stage nativeDashboard = showing("Deployment dashboard — demo-cluster / demo-service");
    assertTrue(find(nativeDashboard, "#nativeNoteLabel", Label.class).isVisible());
    assertFalse(find(nativeDashboard, "#migrateButton", Button.class).isVisible(), "an ecs-native setup has no move");
    assertEquals(1, open.count());
    List<String> done = dialogs.infos.get(0);
    assertEquals("demo now deploys with Amazon ECS blue/green; " + file + " records the strategy ecs-native.",
        done.get(1));
    assertTrue(done.get(2).startsWith("Committed the new buildspec.yml to demo main ("), done.get(2));
  }

  @Test
  void japanese_buttonAndRefusal() throws Exception {
    advanceUntil(Duration.ofSeconds(10), this::codeDeployRuns);
    DashboardWindow dashboard = openDashboard(Locale.JAPANESE);
    Button migrate = find(dashboard.stage(), "#migrateButton", Button.class);
    assertEquals("ECS ブルー/グリーンへ移行…", migrate.getText());

    fire(migrate);

    Stage dialog = showing("Amazon ECS ブルー/グリーンへ移行");
    String refusal = find(dialog, "#migrationStatus", Label.class).getText();
    assertTrue(refusal.startsWith("今は移行を始められません。何も変更していません："), refusal);
    assertTrue(refusal.contains("is in progress"), refusal);
  }
}
