package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.artifacts.Json;
import org.bgwizard.aws.Connection;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.session.Session;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.FxBackgroundExecutor;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The CloudFormation handover of a setup with three environments (dev, qa, prod gated, approvals mailed to a topic
 * the setup creates) from the window: "Export as CloudFormation…" on the Review and Done pages writes every
 * environment's resources, and "Move under CloudFormation…" on the Done page imports every environment's resources
 * apply made in the simulated account, each by the identifier the journal or the account gives.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentsHandoverPageTest {
  private static final List<String> ENVIRONMENTS = List.of("Dev", "Qa", "Prod");
  private static final SetupSpec SPEC = threeEnvironments();

  @TempDir Path dir;
  private final WizardModel model = new WizardModel(SPEC);
  private final FakeDialogs dialogs = new FakeDialogs();
  private FxBackgroundExecutor executor;
  private Session workspace;
  private Stage stage;
  private WizardDriver wizard;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() throws Exception {
    // the import dialog is not modal and outlives a test: the next test's lookups must not find it
    WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
        .filter(w -> w != stage).forEach(javafx.stage.Window::hide)).get();
    if (executor != null) {
      executor.close();
    }
  }

  private static SetupSpec threeEnvironments() {
    SetupSpec spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
        List.of("dev", "qa", "prod"));
    var envs = spec.environments();
    return spec.withEnvironments(new Environments(envs.list(), false,
        new Environments.ApprovalTopic(envs.approvalTopic().name(), null, "ops@example.com")));
  }

  @Test
  void reviewPage_exportAsCloudFormation_writesEveryEnvironmentsResourcesAndTheApprovalTopic(FxRobot robot)
      throws Exception {
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        TestSessions.offline()).show());
    wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.REVIEW);
    dialogs.fileToSave = dir.resolve("shop-template.yaml");

    wizard.click("cloudFormationButton");

    String written = Files.readString(dialogs.fileToSave);
    assertEquals(SetupTemplate.yaml(SPEC), written);
    assertEveryEnvironmentIn(written);
    assertEquals("shop-template.yaml", dialogs.fileRequests.get(0).initialName());
    assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
  }

  @Test
  void donePage_ofTheCreatedSetup_exportsEveryEnvironment_andTheImportFilesListEachEnvironmentsResources(
      FxRobot robot) throws Exception {
    openOnTheCreatedSetup(robot, Locale.JAPANESE);
    dialogs.fileToSave = dir.resolve("exported.yaml");

    wizard.click("cloudFormationButton");

    String exported = Files.readString(dialogs.fileToSave);
    assertEquals(SetupTemplate.yaml(SPEC), exported);
    assertEveryEnvironmentIn(exported);

    Path folder = dir.resolve("import");
    dialogs.folder = folder;
    wizard.click("moveToStackButton");
    waitFor(() -> robot.lookup("#writeImportButton").tryQuery().isPresent());
    wizard.click("writeImportButton");
    waitFor(() -> !robot.lookup("#importCommands").queryAs(TextArea.class).getText().isEmpty());

    JsonNode toImport = Json.read(Files.readString(folder.resolve("resources-to-import.json")));
    Map<String, JsonNode> byLogicalId = new TreeMap<>();
    toImport.forEach(r -> byLogicalId.put(r.get("LogicalResourceId").asText(), r.get("ResourceIdentifier")));
    List<JournalEntry> journal = workspace.journal(SPEC).entries();
    for (String env : ENVIRONMENTS) {
      String name = env.toLowerCase(Locale.ROOT);
      assertEquals("shop-pipeline-" + name, text(byLogicalId, "Pipeline" + env, "Name"));
      assertEquals(output(journal, "ecs-service", "arn", name), text(byLogicalId, "Service" + env, "ServiceArn"));
      assertEquals(output(journal, "elbv2-load-balancer", "arn", name), text(byLogicalId, "LoadBalancer" + env,
          "LoadBalancerArn"));
      for (String logicalId : List.of("ImageRepository", "TaskLogGroup", "ProductionListener", "TestListener",
          "TaskDefinition", "SourceChangeRule")) {
        assertTrue(byLogicalId.containsKey(logicalId + env), logicalId + env + " in " + byLogicalId.keySet());
      }
      assertFalse(byLogicalId.containsKey("DeploymentGroup" + env), "CloudFormation cannot import a deployment group");
    }
    assertTrue(text(byLogicalId, "ApprovalTopic", "TopicArn").endsWith(":shop-approvals"), byLogicalId.toString());
    String subscription = text(byLogicalId, "ApprovalEmailSubscription", "Arn");
    assertTrue(subscription.startsWith(text(byLogicalId, "ApprovalTopic", "TopicArn") + ":"),
        "confirmed in the account since apply, which recorded 'pending confirmation': " + subscription);
    for (JsonNode r : toImport) {
      assertTrue(exported.contains("\n  " + r.get("LogicalResourceId").asText() + ":\n"), r.toString());
    }
    String commands = robot.lookup("#importCommands").queryAs(TextArea.class).getText();
    assertTrue(commands.contains("\n# 5. CloudFormation がインポートできないもの: 何も実行されていない間にビルドプロジェクトと各環境の"
        + "デプロイグループを削除し、スタックに作り直させる（出力も追加）\n"
        + "aws codebuild delete-project --name shop-build --region us-east-1\n"
        + "aws codebuild delete-project --name shop-test --region us-east-1\n"
        + "aws deploy delete-deployment-group --application-name AppECS-shop-cluster-shop-service"
        + " --deployment-group-name DgpECS-shop-cluster-shop-service-dev --region us-east-1\n"), commands);
    for (String env : List.of("qa", "prod")) {
      assertTrue(commands.contains("\naws deploy delete-deployment-group --application-name"
          + " AppECS-shop-cluster-shop-service --deployment-group-name DgpECS-shop-cluster-shop-service-" + env
          + " --region us-east-1\n"), commands);
    }
    assertFalse(commands.contains("--deployment-group-name DgpECS-shop-cluster-shop-service --region"),
        "the setup has no deployment group without an environment: " + commands);
    String readme = Files.readString(folder.resolve("README.md"));
    assertTrue(readme.startsWith("# 構成 shop を CloudFormation スタック shop の管理下に移す\n"), readme);
    String leftOut = robot.lookup("#importLeftOut").queryAs(TextArea.class).getText();
    assertTrue(leftOut.contains("• AWS::CodeDeploy::DeploymentGroup DgpECS-shop-cluster-shop-service-dev,"
        + " DgpECS-shop-cluster-shop-service-qa, DgpECS-shop-cluster-shop-service-prod: CloudFormation はこの種類を"
        + "インポートできません。設定だけを持ちます。"), "one line for the environments' deployment groups: " + leftOut);
    assertTrue(leftOut.contains("• AWS::CodeBuild::Project shop-build, shop-test: CloudFormation はこの種類を"), leftOut);
    assertTrue(robot.lookup("#importLeftOut").queryAs(TextArea.class).getPrefRowCount() > 5,
        "the list grows to show the notes of three environments instead of keeping five rows");
    assertFalse(leftOut.contains("ジャーナルにはありますが、テンプレートに対応するリソースがありません"),
        "every resource apply made has its place in the template: " + leftOut);
  }

  private void openOnTheCreatedSetup(FxRobot robot, Locale locale) throws Exception {
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"));
    executor = new FxBackgroundExecutor(2);
    var session = new WizardSession(connector, executor, List::of,
        new RecentSetups(dir.resolve("recent-setups.json"), dir.resolve("journals")), TestSessions.BROWSED::add);
    var connection = Connection.sandbox("us-east-1");
    workspace = connector.connect(connection);
    var journal = workspace.journal(SPEC);
    ProvisionResult created = workspace.operations().apply(workspace.operations().plan(SPEC, journal), journal,
        ProvisionListener.NONE);
    assertTrue(created.succeeded(), created.toString());
    // the address follows the link in AWS's confirmation mail after apply: the subscription has an ARN now
    workspace.simulated().orElseThrow().confirmEmailSubscriptions();
    robot.interact(() -> {
      session.connected(connection, workspace);
      new WizardWindow(stage, model, new ViewSettings(locale, Theme.LIGHT), dialogs, session).show();
    });
    wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.CREATE);
    waitFor(() -> !wizard.nextDisabled());
    wizard.goTo(Step.DONE);
  }

  /** Every environment's service, load balancer, pipeline and deployment group, the shared parts once, the topic. */
  private static void assertEveryEnvironmentIn(String template) throws Exception {
    JsonNode resources = new ObjectMapper(new YAMLFactory()).readTree(template).get("Resources");
    for (String env : ENVIRONMENTS) {
      for (String logicalId : List.of("Service", "LoadBalancer", "Pipeline", "DeploymentGroup", "TaskDefinition")) {
        assertTrue(resources.has(logicalId + env), logicalId + env);
      }
      String name = env.toLowerCase(Locale.ROOT);
      assertEquals("shop-pipeline-" + name, resources.at("/Pipeline" + env + "/Properties/Name").asText());
      assertEquals("shop-service-" + name, resources.at("/Service" + env + "/Properties/ServiceName").asText());
    }
    for (String shared : List.of("Cluster", "CodePipelineRole", "BuildProject", "TestProject", "ApprovalTopic",
        "ApprovalEmailSubscription")) {
      assertTrue(resources.has(shared), shared);
    }
    assertEquals("shop-approvals", resources.at("/ApprovalTopic/Properties/TopicName").asText());
    assertFalse(resources.has("Service"), "no environment-less service beside the environments'");
  }

  private static String text(Map<String, JsonNode> byLogicalId, String logicalId, String key) {
    JsonNode id = byLogicalId.get(logicalId);
    assertTrue(id != null, logicalId + " in " + byLogicalId.keySet());
    return id.get(key).asText();
  }

  /** The output {@code key} of the one journal entry of {@code kind} whose name ends with "-{@code env}". */
  private static String output(List<JournalEntry> journal, String kind, String key, String env) {
    var found = journal.stream().filter(e -> e.ref().kind().equals(kind) && e.ref().name().endsWith("-" + env))
        .toList();
    assertEquals(1, found.size(), kind + " of " + env + ": " + found);
    return found.get(0).output(key).orElseThrow();
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
  }
}
