package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.setup.CodeDeploy.Reroute;
import org.bgwizard.setup.Fargate;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source.Provider;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;

/** The view-models without a window: what they write into the spec and which problems they own. */
class PageModelsTest {
  private final ObjectProperty<SetupSpec> spec = new SimpleObjectProperty<>(SpecDefaults.tutorial("shop", "us-east-1"));

  @Test
  void openingAPage_doesNotTouchTheSpec() {
    var before = spec.get();

    new BasicsViewModel(spec, Locale.ENGLISH);
    new NetworkViewModel(spec, Locale.ENGLISH);
    new RolesViewModel(spec, Locale.ENGLISH);
    new RepositoryViewModel(spec, Locale.ENGLISH);
    new LoadBalancerViewModel(spec, Locale.ENGLISH);
    new EcsViewModel(spec, Locale.ENGLISH);
    new CodeDeployViewModel(spec, Locale.ENGLISH);
    new CodeBuildViewModel(spec, Locale.ENGLISH);
    new PipelineViewModel(spec, Locale.ENGLISH);

    assertSame(before, spec.get());
  }

  @Test
  void aPage_ignoresProblemsOfOtherPages() {
    var basics = new BasicsViewModel(spec, Locale.ENGLISH);
    var pipeline = new PipelineViewModel(spec, Locale.ENGLISH);

    pipeline.name().set("no spaces allowed");
    basics.containerPort().set("8080");

    assertTrue(basics.valid().get());
    assertFalse(pipeline.valid().get());
  }

  @Test
  void emptyNumber_isMissing_andKeepsTheLastNumberInTheSpec() {
    var basics = new BasicsViewModel(spec, Locale.ENGLISH);

    basics.containerPort().set("");

    assertEquals("Required: enter a value.", basics.error("container.port").get());
    assertEquals(80, spec.get().container().port());
    assertFalse(basics.valid().get());
  }

  @Test
  void messages_areInThePagesLanguage() {
    var basics = new BasicsViewModel(spec, Locale.JAPANESE);

    basics.containerPort().set("0");

    assertTrue(basics.error("container.port").get().contains("ポート"), basics.error("container.port").get());
  }

  @Test
  void renaming_updatesTheContainerName_unlessTheUserChangedIt() {
    var basics = new BasicsViewModel(spec, Locale.ENGLISH);

    basics.name().set("cafe");
    assertEquals("cafe", basics.containerName().get());
    assertEquals("cafe-pipeline", spec.get().pipeline().name());

    basics.containerName().set("web");
    basics.name().set("bar");
    assertEquals("web", basics.containerName().get());
    assertEquals("bar-cluster", spec.get().ecs().cluster());
  }

  @Test
  void memoryChoices_areExactlyTheFargateSizesOfTheChosenCpu() {
    var ecs = new EcsViewModel(spec, Locale.ENGLISH);
    assertEquals(List.of(512, 1024, 2048), ecs.memoryChoices());

    ecs.cpu().set(1024);

    assertEquals(Fargate.memoryValues(1024), ecs.memoryChoices());
    assertEquals(2048, ecs.memory().get());
    assertEquals(2048, spec.get().container().memory());
    assertTrue(ecs.valid().get());
  }

  @Test
  void cpuChange_keepsTheMemory_whenTheNewCpuAllowsIt() {
    var ecs = new EcsViewModel(spec, Locale.ENGLISH);
    ecs.memory().set(2048);

    ecs.cpu().set(512);

    assertEquals(2048, ecs.memory().get());
  }

  @Test
  void rerouteWait_isWrittenOnlyInWaitMode() {
    var cd = new CodeDeployViewModel(spec, Locale.ENGLISH);
    cd.rerouteWaitMinutes().set("30");
    assertNull(spec.get().codeDeploy().rerouteWaitMinutes());

    cd.reroute().set(Reroute.WAIT);
    assertEquals(30, spec.get().codeDeploy().rerouteWaitMinutes());

    cd.reroute().set(Reroute.IMMEDIATELY);
    assertNull(spec.get().codeDeploy().rerouteWaitMinutes());
    assertTrue(cd.valid().get());
  }

  @Test
  void waitMode_withoutMinutes_isAProblem() {
    var cd = new CodeDeployViewModel(spec, Locale.ENGLISH);

    cd.reroute().set(Reroute.WAIT);

    assertFalse(cd.error("codeDeploy.rerouteWaitMinutes").get().isEmpty());
    assertFalse(cd.valid().get());
  }

  @Test
  void starterApp_goesOnlyIntoANewCodeCommitRepositoryOrTheS3Object() {
    var build = new CodeBuildViewModel(spec, Locale.ENGLISH);

    build.provider().set(Provider.GITHUB);
    assertFalse(spec.get().source().commitStarterApp());
    assertEquals("GitHub", spec.get().source().connectionProvider());
    build.provider().set(Provider.S3);
    assertTrue(spec.get().source().commitStarterApp());
    build.provider().set(Provider.CODECOMMIT);
    assertTrue(spec.get().source().commitStarterApp());
    build.existingRepository().set(true);
    assertFalse(spec.get().source().commitStarterApp());
  }

  @Test
  void providerFields_areKept_whileAnotherProviderIsChosen() {
    var build = new CodeBuildViewModel(spec, Locale.ENGLISH);
    build.provider().set(Provider.S3);
    build.s3Bucket().set("my-source-bucket");
    build.s3ObjectKey().set("app.zip");

    build.provider().set(Provider.CODECOMMIT);

    assertEquals("my-source-bucket", spec.get().source().s3Bucket());
    assertTrue(build.valid().get());
  }

  @Test
  void existingRole_withoutArn_isAProblemOfItsArnField() {
    var roles = new RolesViewModel(spec, Locale.ENGLISH);

    roles.role(ServiceRole.CODE_BUILD).existing().set(true);

    assertEquals("Required: enter a value.", roles.error("roles.codeBuild.existingArn").get());
    roles.role(ServiceRole.CODE_BUILD).arn().set("arn:aws:iam::111122223333:role/builder");
    assertTrue(roles.valid().get());
    assertEquals("arn:aws:iam::111122223333:role/builder", spec.get().roles().codeBuild().existingArn());
  }

  @Test
  void policies_nameTheExampleAccount_andFollowTheRoles() {
    var roles = new RolesViewModel(spec, Locale.ENGLISH);
    var pipeline = roles.role(ServiceRole.CODE_PIPELINE);
    assertTrue(pipeline.permissionsPolicy().get().contains("arn:aws:iam::123456789012:role/shop-ecs-task-execution"));

    roles.role(ServiceRole.TASK_EXECUTION).name().set("runner");

    assertTrue(pipeline.permissionsPolicy().get().contains("arn:aws:iam::123456789012:role/runner"));
    assertTrue(roles.role(ServiceRole.CODE_BUILD).trustPolicy().get().contains("codebuild.amazonaws.com"));
  }

  @Test
  void policies_ofARoleTheUserBrings_showWhatItNeeds() {
    var roles = new RolesViewModel(spec, Locale.ENGLISH);
    var build = roles.role(ServiceRole.CODE_BUILD);

    build.existing().set(true);
    build.arn().set("arn:aws:iam::111122223333:role/builder");

    assertTrue(build.permissionsPolicy().get().contains("ecr:PutImage"));
  }

  @Test
  void policies_waitForAValidRegion() {
    spec.set(spec.get().withRegion("nowhere"));

    var roles = new RolesViewModel(spec, Locale.ENGLISH);

    assertFalse(roles.policiesShown().get());
    assertEquals("", roles.role(ServiceRole.CODE_DEPLOY).trustPolicy().get());
  }

  @Test
  void policies_waitForTheGitHubConnection() {
    var build = new CodeBuildViewModel(spec, Locale.ENGLISH);
    build.provider().set(Provider.GITHUB);

    var roles = new RolesViewModel(spec, Locale.ENGLISH);
    assertFalse(roles.policiesShown().get());

    build.connectionArn().set("arn:aws:codeconnections:us-east-1:111122223333:connection/abc-123");
    roles = new RolesViewModel(spec, Locale.ENGLISH);
    assertTrue(roles.role(ServiceRole.CODE_PIPELINE).permissionsPolicy().get().contains("connection/abc-123"));
  }

  @Test
  void subnetProblems_belongToTheirRow() {
    var network = new NetworkViewModel(spec, Locale.ENGLISH);

    network.defaultVpc().set(false);
    network.vpcId().set("vpc-0a1b2c3d");
    network.addSubnet();
    network.addSubnet();
    network.subnets().get(0).id().set("subnet-0a1b2c3d");
    network.subnets().get(1).id().set("subnet-zz");

    assertEquals("", network.error(NetworkViewModel.subnetField(0)).get());
    assertTrue(network.error(NetworkViewModel.subnetField(1)).get().contains("is not a subnet id"));
    network.subnets().get(1).id().set("subnet-1a2b3c4d");
    assertTrue(network.valid().get());
  }

  @Test
  void aNewEmptySubnetRow_showsItsProblemInTheRow() {
    var network = new NetworkViewModel(spec, Locale.ENGLISH);

    network.addSubnet();

    assertEquals("Required: enter a value.", network.error(NetworkViewModel.subnetField(0)).get());
    assertFalse(network.error("network.subnets").get().contains("Required"));
  }

  @Test
  void ownVpc_needsItsId() {
    var network = new NetworkViewModel(spec, Locale.ENGLISH);

    network.defaultVpc().set(false);

    assertEquals("Required: enter a value.", network.error("network.vpcId").get());
  }

  @Test
  void approvalTopic_isDroppedFromTheSpec_whileApprovalIsOff() {
    var pipeline = new PipelineViewModel(spec, Locale.ENGLISH);
    pipeline.manualApproval().set(true);
    pipeline.approvalTopicArn().set("arn:aws:sns:us-east-1:111122223333:approvals");
    assertEquals("arn:aws:sns:us-east-1:111122223333:approvals", spec.get().pipeline().approvalTopicArn());

    pipeline.manualApproval().set(false);

    assertNull(spec.get().pipeline().approvalTopicArn());
    assertTrue(pipeline.valid().get());
  }
}
