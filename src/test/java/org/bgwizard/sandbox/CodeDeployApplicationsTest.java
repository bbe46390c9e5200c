package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.ArnNotSupportedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.InvalidArnException;
import software.amazon.awssdk.services.codedeploy.model.InvalidBlueGreenDeploymentConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codedeploy.model.Tag;

/** Applications, deployment groups, configurations and tags: reading, listing with paginators, changing, deleting. */
class CodeDeployApplicationsTest {
  private static final String APP_ARN = "arn:aws:codedeploy:us-east-1:123456789012:application:" + APPLICATION;
  private static final String GROUP_ARN = "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:" + APPLICATION
      + "/" + GROUP;

  private final SandboxFixtures.BlueGreenService f = SandboxFixtures.blueGreenService(GroupOptions.defaults());
  private final CodeDeployClient cd = f.sandbox.codeDeploy();

  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  @Test
  void applications_areListedByTheirPaginator_andReadOneOrManyAtATime() {
    IntStream.range(0, 120).forEach(i -> cd.createApplication(r -> r.applicationName(String.format("app-%03d", i))
        .computePlatform("ECS")));
    var names = cd.listApplicationsPaginator(r -> { }).applications().stream().toList();
    assertEquals(121, names.size());
    assertEquals(names.stream().sorted().toList(), names);
    assertTrue(cd.listApplications(r -> { }).nextToken() != null, "more than one page");
    var info = cd.getApplication(r -> r.applicationName(APPLICATION)).application();
    assertEquals("ECS", info.computePlatformAsString());
    assertEquals(f.clock.instant(), info.createTime());
    assertEquals(2, cd.batchGetApplications(r -> r.applicationNames(APPLICATION, "app-007")).applicationsInfo().size());
    assertAwsError(ApplicationDoesNotExistException.class, "ApplicationDoesNotExistException", "ghost",
        () -> cd.batchGetApplications(r -> r.applicationNames(APPLICATION, "ghost")));
    assertAwsError(InvalidNextTokenException.class, "InvalidNextTokenException", null,
        () -> cd.listApplications(r -> r.nextToken("not-a-token")));
  }

  @Test
  void groups_areListedReadInBatches_updated_andDeleted() {
    assertEquals(List.of(GROUP), cd.listDeploymentGroupsPaginator(r -> r.applicationName(APPLICATION))
        .deploymentGroups().stream().toList());
    var batch = cd.batchGetDeploymentGroups(r -> r.applicationName(APPLICATION).deploymentGroupNames(GROUP, "ghost"));
    assertEquals(1, batch.deploymentGroupsInfo().size());
    assertTrue(batch.errorMessage().contains("ghost"));

    cd.updateDeploymentGroup(r -> r.applicationName(APPLICATION).currentDeploymentGroupName(GROUP)
        .newDeploymentGroupName("DgpECS-renamed").deploymentConfigName("CodeDeployDefault.ECSCanary10Percent5Minutes")
        .blueGreenDeploymentConfiguration(b -> b.deploymentReadyOption(o -> o.actionOnTimeout("STOP_DEPLOYMENT")
            .waitTimeInMinutes(20)).terminateBlueInstancesOnDeploymentSuccess(t -> t.action("TERMINATE")
            .terminationWaitTimeInMinutes(90))));
    var info = cd.getDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName("DgpECS-renamed"))
        .deploymentGroupInfo();
    assertEquals("CodeDeployDefault.ECSCanary10Percent5Minutes", info.deploymentConfigName());
    assertEquals(20, info.blueGreenDeploymentConfiguration().deploymentReadyOption().waitTimeInMinutes());
    assertEquals(SandboxFixtures.SERVICE, info.ecsServices().get(0).serviceName());
    assertAwsError(DeploymentGroupDoesNotExistException.class, "DeploymentGroupDoesNotExistException", GROUP,
        () -> cd.getDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)));

    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "CONTINUE_DEPLOYMENT",
        () -> cd.updateDeploymentGroup(r -> r.applicationName(APPLICATION).currentDeploymentGroupName("DgpECS-renamed")
            .deploymentConfigName("CodeDeployDefault.ECSAllAtOnce").blueGreenDeploymentConfiguration(b -> b
                .deploymentReadyOption(o -> o.actionOnTimeout("CONTINUE_DEPLOYMENT").waitTimeInMinutes(5)))));
    assertEquals("CodeDeployDefault.ECSCanary10Percent5Minutes", cd.getDeploymentGroup(r -> r
        .applicationName(APPLICATION).deploymentGroupName("DgpECS-renamed")).deploymentGroupInfo()
        .deploymentConfigName(), "a refused update changes nothing");

    cd.deleteDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName("DgpECS-renamed"));
    cd.deleteDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName("DgpECS-renamed"));
    assertEquals(List.of(), cd.listDeploymentGroups(r -> r.applicationName(APPLICATION)).deploymentGroups());
    cd.deleteApplication(r -> r.applicationName(APPLICATION));
    cd.deleteApplication(r -> r.applicationName(APPLICATION));
    assertAwsError(ApplicationDoesNotExistException.class, "ApplicationDoesNotExistException", APPLICATION,
        () -> cd.getApplication(r -> r.applicationName(APPLICATION)));
  }

  @Test
  void deletingAnApplication_takesItsGroupsAlong_andFreesTheService() {
    cd.deleteApplication(r -> r.applicationName(APPLICATION));
    cd.createApplication(r -> r.applicationName(APPLICATION).computePlatform("ECS"));
    cd.createDeploymentGroup(SandboxFixtures.groupRequest(f, GroupOptions.defaults()).build());
    assertEquals(List.of(GROUP), cd.listDeploymentGroups(r -> r.applicationName(APPLICATION)).deploymentGroups());
  }

  @Test
  void predefinedEcsConfigurations_areListed_andDescribed() {
    assertEquals(List.of("CodeDeployDefault.ECSAllAtOnce", "CodeDeployDefault.ECSCanary10Percent15Minutes",
        "CodeDeployDefault.ECSCanary10Percent5Minutes", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
        "CodeDeployDefault.ECSLinear10PercentEvery3Minutes"),
        cd.listDeploymentConfigsPaginator(r -> { }).deploymentConfigsList().stream().toList());
    var linear = cd.getDeploymentConfig(r -> r.deploymentConfigName("CodeDeployDefault.ECSLinear10PercentEvery1Minutes"))
        .deploymentConfigInfo();
    assertEquals("00000000-0000-0000-0000-000000000015", linear.deploymentConfigId());
    assertEquals("TimeBasedLinear", linear.trafficRoutingConfig().typeAsString());
    assertEquals(10, linear.trafficRoutingConfig().timeBasedLinear().linearPercentage());
    assertEquals(1, linear.trafficRoutingConfig().timeBasedLinear().linearInterval());
    var canary = cd.getDeploymentConfig(r -> r.deploymentConfigName("CodeDeployDefault.ECSCanary10Percent15Minutes"))
        .deploymentConfigInfo().trafficRoutingConfig().timeBasedCanary();
    assertEquals(15, canary.canaryInterval());
    var allAtOnce = cd.getDeploymentConfig(r -> r.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce"))
        .deploymentConfigInfo();
    assertEquals("AllAtOnce", allAtOnce.trafficRoutingConfig().typeAsString());
    assertNull(allAtOnce.minimumHealthyHosts());
    assertAwsError(DeploymentConfigDoesNotExistException.class, "DeploymentConfigDoesNotExistException",
        "CodeDeployDefault.OneAtATime",
        () -> cd.getDeploymentConfig(r -> r.deploymentConfigName("CodeDeployDefault.OneAtATime")));
  }

  @Test
  void applicationsAndGroups_carryTags() {
    cd.createApplication(r -> r.applicationName("tagged").computePlatform("ECS")
        .tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    assertEquals(Map.of("bgwizard:setup", "demo"), tags(cd.listTagsForResource(r -> r
        .resourceArn("arn:aws:codedeploy:us-east-1:123456789012:application:tagged")).tags()));
    cd.tagResource(r -> r.resourceArn(GROUP_ARN).tags(Tag.builder().key("bgwizard:setup").value("demo").build(),
        Tag.builder().key("team").value("ops").build()));
    cd.untagResource(r -> r.resourceArn(GROUP_ARN).tagKeys("team"));
    assertEquals(Map.of("bgwizard:setup", "demo"), tags(cd.listTagsForResource(r -> r.resourceArn(GROUP_ARN)).tags()));
    assertEquals(Map.of(), tags(cd.listTagsForResource(r -> r.resourceArn(APP_ARN)).tags()));
    assertAwsError(InvalidArnException.class, "InvalidArnException", null,
        () -> cd.listTagsForResource(r -> r.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/demo")));
    assertAwsError(DeploymentGroupDoesNotExistException.class, "DeploymentGroupDoesNotExistException", "ghost",
        () -> cd.listTagsForResource(r -> r.resourceArn(GROUP_ARN.replace(GROUP, "ghost"))));
    assertAwsError(ArnNotSupportedException.class, "ArnNotSupportedException", null,
        () -> cd.tagResource(r -> r.resourceArn("arn:aws:codedeploy:us-east-1:123456789012:deploymentconfig:"
            + "CodeDeployDefault.ECSAllAtOnce").tags(Tag.builder().key("a").value("b").build())));
  }
}
