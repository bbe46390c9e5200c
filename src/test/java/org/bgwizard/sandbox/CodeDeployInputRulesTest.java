package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.bgwizard.sandbox.SandboxFixtures.APPLICATION;
import static org.bgwizard.sandbox.SandboxFixtures.GROUP;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.BatchLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.InvalidApplicationNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoRollbackConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidBlueGreenDeploymentConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidEc2TagException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTagsToAddException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetFilterNameException;
import software.amazon.awssdk.services.codedeploy.model.Tag;

/** The smaller input rules of applications, deployment groups, revisions and list calls. */
class CodeDeployInputRulesTest {
  private final BlueGreenService f = SandboxFixtures.serviceWithoutGroup(true);
  private final CodeDeployClient cd = f.sandbox.codeDeploy();

  private void createGroup(Consumer<CreateDeploymentGroupRequest.Builder> change) {
    var request = SandboxFixtures.groupRequest(f, GroupOptions.defaults());
    change.accept(request);
    cd.createDeploymentGroup(request.build());
  }

  private static Consumer<CreateDeploymentGroupRequest.Builder> readyAndTermination(String ready, Integer wait,
      String termination) {
    return r -> r.blueGreenDeploymentConfiguration(b -> b
        .deploymentReadyOption(o -> o.actionOnTimeout(ready).waitTimeInMinutes(wait))
        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(termination).terminationWaitTimeInMinutes(5)));
  }

  @Test
  void groupSettingsThatEcsCannotUse_areRefused() {
    assertAwsError(InvalidEc2TagException.class, "InvalidEC2TagException", "ec2TagFilters",
        () -> createGroup(r -> r.ec2TagFilters(t -> t.key("Name").value("web").type("KEY_AND_VALUE"))));
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "greenFleetProvisioningOption",
        () -> createGroup(r -> r.blueGreenDeploymentConfiguration(b -> b
            .greenFleetProvisioningOption(g -> g.action("COPY_AUTO_SCALING_GROUP")))));
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "waitTimeInMinutes must be between 1 and 2880",
        () -> createGroup(readyAndTermination("STOP_DEPLOYMENT", 0, "TERMINATE")));
    assertAwsError(InvalidBlueGreenDeploymentConfigurationException.class,
        "InvalidBlueGreenDeploymentConfigurationException", "TERMINATE",
        () -> createGroup(readyAndTermination("STOP_DEPLOYMENT", 10, "KEEP_ALIVE")));
    assertAwsError(InvalidAutoRollbackConfigException.class, "InvalidAutoRollbackConfigException",
        "events must be specified", () -> createGroup(r -> r.autoRollbackConfiguration(a -> a.enabled(true))));
    assertAwsError(InvalidAutoRollbackConfigException.class, "InvalidAutoRollbackConfigException", "ON_MONDAYS",
        () -> createGroup(r -> r.autoRollbackConfiguration(a -> a.enabled(true).eventsWithStrings("ON_MONDAYS"))));
    assertAwsError(DeploymentGroupNameRequiredException.class, "DeploymentGroupNameRequiredException", null,
        () -> createGroup(r -> r.deploymentGroupName(null)));
  }

  @Test
  void namesAndTags_haveTheirLimits() {
    assertAwsError(InvalidApplicationNameException.class, "InvalidApplicationNameException", "100",
        () -> cd.createApplication(r -> r.applicationName("a".repeat(101)).computePlatform("ECS")));
    var tooMany = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
    assertAwsError(InvalidTagsToAddException.class, "InvalidTagsToAddException", "50",
        () -> cd.createApplication(r -> r.applicationName("tagged").computePlatform("ECS").tags(tooMany)));
    assertAwsError(InvalidTagsToAddException.class, "InvalidTagsToAddException", "128",
        () -> createGroup(r -> r.tags(Tag.builder().key("k".repeat(129)).value("v").build())));
    assertAwsError(DeploymentConfigNameRequiredException.class, "DeploymentConfigNameRequiredException", null,
        () -> cd.getDeploymentConfig(r -> r.deploymentConfigName("")));
    assertAwsError(BatchLimitExceededException.class, "BatchLimitExceededException", "25",
        () -> cd.batchGetDeployments(r -> r.deploymentIds(Collections.nCopies(26, "d-AAAAAAAAA"))));
  }

  @Test
  void revisions_mustBeAnEcsAppSpecWithoutHooks_matchingTheirDigest() {
    createGroup(r -> { });
    String spec = BlueGreenService.appSpec(f.taskDefinitionArn, "web", 80);
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "Lambda lifecycle hooks",
        () -> f.deployAppSpec(spec + "Hooks:\n  - BeforeInstall: \"CheckFunction\"\n"));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "AWS::ECS::Service",
        () -> f.deployAppSpec(spec.replace("AWS::ECS::Service", "AWS::Lambda::Function")));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "sha256",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
            .revision(v -> v.revisionType("AppSpecContent").appSpecContent(c -> c.content(spec).sha256("00")))));
    assertAwsError(InvalidRevisionException.class, "InvalidRevisionException", "bundleType YAML or JSON",
        () -> cd.createDeployment(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
            .revision(v -> v.revisionType("S3").s3Location(s -> s.bucket("b").key("app.zip").bundleType("zip")))));
    String id = f.deploy(f.taskDefinitionArn);
    f.advance(Duration.ofSeconds(5));
    assertAwsError(InvalidTargetFilterNameException.class, "InvalidTargetFilterNameException", "Colour",
        () -> cd.listDeploymentTargets(r -> r.deploymentId(id).targetFiltersWithStrings(Map.of("Colour",
            List.of("Blue")))));
  }
}
