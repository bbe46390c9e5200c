package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.bgwizard.export.SetupTemplate;
import org.bgwizard.setup.LoadBalancer;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Export as CloudFormation…": from the Review page, and refused for a setup with problems. */
@ExtendWith(ApplicationExtension.class)
class CloudFormationExportPageTest {
  @TempDir Path dir;
  private final FakeDialogs dialogs = new FakeDialogs();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void reviewPage_exportAsCloudFormation_writesTheTemplateToTheChosenFile(FxRobot robot) throws Exception {
    SetupSpec spec = SpecDefaults.tutorial("shop", "us-east-1");
    var model = new WizardModel(spec);
    robot.interact(() -> new WizardWindow(stage, model, new ViewSettings(Locale.ENGLISH, Theme.LIGHT), dialogs,
        TestSessions.offline()).show());
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.REVIEW);
    dialogs.fileToSave = dir.resolve("shop-template.yaml");

    wizard.click("cloudFormationButton");

    assertEquals(SetupTemplate.yaml(spec), Files.readString(dialogs.fileToSave));
    assertEquals("shop-template.yaml", dialogs.fileRequests.get(0).initialName());
    assertEquals("*.yaml", dialogs.fileRequests.get(0).filterPattern());
    assertTrue(dialogs.infos.get(0).startsWith("Wrote the CloudFormation template " + dialogs.fileToSave),
        dialogs.infos.toString());
  }

  @Test
  void exportAsCloudFormation_ofASetupWithProblems_namesTheFieldsInJapaneseAndAsksForNoFile() {
    SetupSpec spec = SpecDefaults.tutorial("shop", "us-east-1");
    LoadBalancer lb = spec.loadBalancer();
    SetupSpec broken = spec.withLoadBalancer(new LoadBalancer(null, lb.name(), 0, lb.testPort(), lb.targetGroup1(),
        lb.targetGroup2(), lb.healthCheck(), lb.deregistrationDelaySeconds()));

    var written = CloudFormationSave.save(broken, null, dialogs, Messages.of(Locale.JAPANESE));

    assertTrue(written.isEmpty());
    assertTrue(dialogs.fileRequests.isEmpty());
    assertTrue(dialogs.errors.get(0).startsWith("セットアップに問題があります"), dialogs.errors.toString());
    assertTrue(dialogs.errors.get(0).contains("本番リスナーのポート"), dialogs.errors.toString());
  }
}
