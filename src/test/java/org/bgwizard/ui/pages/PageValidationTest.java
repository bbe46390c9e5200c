package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.common.ViewSettings;
import org.bgwizard.ui.wizard.Step;
import org.bgwizard.ui.wizard.TestSessions;
import org.bgwizard.ui.wizard.WizardModel;
import org.bgwizard.ui.wizard.WizardWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On every page, a bad value is explained under its field and holds Next back until it is fixed. */
@ExtendWith(ApplicationExtension.class)
class PageValidationTest {
  private final WizardModel model = new WizardModel(SpecDefaults.tutorial("shop", "us-east-1"));
  private final ViewSettings settings = new ViewSettings(Locale.ENGLISH, Theme.LIGHT);

  @Start
  void start(Stage stage) {
    new WizardWindow(stage, model, settings, new FakeDialogs(), TestSessions.offline()).show();
  }

  static Stream<Arguments> badAndGoodValues() {
    return Stream.of(
        Arguments.of(Step.BASICS, "setupName", "Shop App", "shop-app", "setup name has 2 to 24 lowercase"),
        Arguments.of(Step.BASICS, "region", "tokyo", "ap-northeast-1", "not an AWS region code"),
        Arguments.of(Step.BASICS, "containerName", "web app", "web", "ECS names have"),
        Arguments.of(Step.BASICS, "containerPort", "", "8080", "Required: enter a value."),
        Arguments.of(Step.BASICS, "initialImage", "nginx:latest", "public.ecr.aws/nginx/nginx:1.27",
            "pull it from Docker Hub"),
        Arguments.of(Step.NETWORK, "ingressCidr", "10.0.0.0/33", "10.0.0.0/16", "not an IPv4 CIDR block"),
        Arguments.of(Step.IAM_ROLES, "codebuildName", "build role", "shop-builder", "IAM role name has"),
        Arguments.of(Step.IAM_ROLES, "codepipelineName", "shop-codebuild", "shop-pipes", "already the name in"),
        Arguments.of(Step.IMAGE_REPOSITORY, "repositoryName", "Shop", "shop/web", "ECR repository name has"),
        Arguments.of(Step.IMAGE_REPOSITORY, "keepImages", "0", "5", "use 1 to 1000"),
        Arguments.of(Step.LOAD_BALANCER, "lbName", "internal-shop", "shop-lb", "starts with internal-"),
        Arguments.of(Step.LOAD_BALANCER, "testPort", "80", "8081", "production and test listeners need"),
        Arguments.of(Step.LOAD_BALANCER, "targetGroup2", "shop-tg-1", "shop-green", "two different target groups"),
        Arguments.of(Step.LOAD_BALANCER, "healthCheckPath", "health", "/health", "not a health check path"),
        Arguments.of(Step.LOAD_BALANCER, "timeout", "15", "3", "must be less than the interval"),
        Arguments.of(Step.LOAD_BALANCER, "successCodes", "200-600", "200,302", "HTTP success codes"),
        Arguments.of(Step.LOAD_BALANCER, "deregistrationDelay", "4000", "60", "0 to 3600 seconds"),
        Arguments.of(Step.ECS_SERVICE, "cluster", "", "shop", "Required: enter a value."),
        Arguments.of(Step.ECS_SERVICE, "desiredCount", "0", "2", "first blue/green deployment needs"),
        Arguments.of(Step.ECS_SERVICE, "logGroup", "aws/shop", "/ecs/shop-web", "AWS reserves"),
        Arguments.of(Step.CODEDEPLOY, "application", "", "shop-app", "Required: enter a value."),
        Arguments.of(Step.CODEDEPLOY, "terminationWaitMinutes", "3000", "120", "0 to 2880 minutes"),
        Arguments.of(Step.CODEBUILD_SOURCE, "repository", "my repo", "shop-web", "CodeCommit repository name"),
        Arguments.of(Step.CODEBUILD_SOURCE, "branch", "release..1", "release-1", "not a git branch name"),
        Arguments.of(Step.CODEBUILD_SOURCE, "project", "-build", "shop-build-2", "CodeBuild project name"),
        Arguments.of(Step.CODEBUILD_SOURCE, "image", SpecDefaults.BUILD_IMAGE_ARM, SpecDefaults.BUILD_IMAGE_X86,
            "exec format error"),
        Arguments.of(Step.CODEBUILD_SOURCE, "dockerHubSecretArn", "dockerhub-token", "", "Secrets Manager ARN"),
        Arguments.of(Step.CODEBUILD_SOURCE, "timeoutMinutes", "1", "60", "5 to 2160 minutes"),
        Arguments.of(Step.PIPELINE, "pipelineName", "shop pipeline", "shop-release", "pipeline name has"),
        Arguments.of(Step.PIPELINE, "artifactBucket", "Shop_Bucket", "shop-artifacts-eu", "S3 bucket name"));
  }

  @ParameterizedTest(name = "{0} {1}: ''{2}'' is refused, ''{3}'' accepted")
  @MethodSource("badAndGoodValues")
  void badValue_showsItsMessageUnderTheField_andDisablesNext_untilFixed(Step step, String input, String bad,
      String good, String message, FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(step);
    assertFalse(wizard.nextDisabled());

    wizard.type(input, bad);

    String shown = wizard.shownError(input + "Field");
    assertTrue(shown.contains(message), shown);
    assertTrue(wizard.nextDisabled());

    wizard.type(input, good);

    assertEquals("", wizard.shownError(input + "Field"));
    assertFalse(wizard.nextDisabled());
  }

  @Test
  void messages_followTheWindowsLanguage(FxRobot robot) {
    var wizard = new WizardDriver(robot, model);
    wizard.goTo(Step.LOAD_BALANCER);
    robot.interact(() -> settings.locale().set(Locale.JAPANESE));

    wizard.type("testPort", "80");

    assertTrue(wizard.shownError("testPortField").startsWith("80 は 本番リスナーのポート と同じポートです。"),
        wizard.shownError("testPortField"));
    assertTrue(wizard.shownError("testPortField").contains("本番リスナーとテストリスナーには別々のポートが必要です"),
        wizard.shownError("testPortField"));
  }

  @Test
  void aProblemInTheSpec_isShownWhenThePageOpens(FxRobot robot) {
    robot.interact(() -> model.spec().set(model.spec().get().withRegion("mars-1")));

    new WizardDriver(robot, model).goTo(Step.BASICS);

    assertTrue(new WizardDriver(robot, model).shownError("regionField").contains("not an AWS region code"));
    assertTrue(new WizardDriver(robot, model).nextDisabled());
  }
}
