package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.artifacts.Buildspec;
import org.bgwizard.artifacts.FileNames;
import org.bgwizard.artifacts.InfrastructureRole;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

/** The template of an {@code ecs-native} setup: ECS's own blue/green, and nothing of CodeDeploy. */
class NativeTemplateTest {

  @Test
  void nativeSetup_hasNoCodeDeployResource_andTheServiceDeploysItself() throws Exception {
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.ecsNative())).get("Resources");

    List<String> types = new ArrayList<>();
    resources.forEach(r -> types.add(r.get("Type").asText()));
    assertFalse(types.stream().anyMatch(t -> t.startsWith("AWS::CodeDeploy::")), types.toString());
    assertFalse(resources.has(Parts.roleId(org.bgwizard.artifacts.ServiceRole.CODE_DEPLOY)), "no CodeDeploy role");
    JsonNode service = resources.at("/Service/Properties");
    assertEquals("ECS", service.at("/DeploymentController/Type").asText());
    JsonNode config = service.get("DeploymentConfiguration");
    assertEquals("LINEAR", config.get("Strategy").asText());
    assertEquals(10, config.get("BakeTimeInMinutes").asInt());
    assertEquals(20, config.at("/LinearConfiguration/StepPercent").asInt());
    assertEquals(2, config.at("/LinearConfiguration/StepBakeTimeInMinutes").asInt());
    assertFalse(config.has("CanaryConfiguration"));
    JsonNode hook = config.at("/LifecycleHooks/0");
    assertEquals("PAUSE", hook.get("TargetType").asText());
    assertEquals("[\"PRE_PRODUCTION_TRAFFIC_SHIFT\"]", hook.get("LifecycleStages").toString());
    assertEquals(30, hook.at("/TimeoutConfiguration/TimeoutInMinutes").asInt());
    assertEquals("ROLLBACK", hook.at("/TimeoutConfiguration/Action").asText());
    assertFalse(hook.has("HookTargetArn"), "a pause hook has no target");
  }

  @Test
  void loadBalancer_namesTheAlternateGroupBothRulesAndTheInfrastructureRole() throws Exception {
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.ecsNative())).get("Resources");

    JsonNode lb = resources.at("/Service/Properties/LoadBalancers/0");
    assertEquals("{\"Ref\":\"TargetGroup1\"}", lb.get("TargetGroupArn").toString());
    JsonNode advanced = lb.get("AdvancedConfiguration");
    assertEquals("{\"Ref\":\"TargetGroup2\"}", advanced.get("AlternateTargetGroupArn").toString());
    assertEquals("{\"Ref\":\"ProductionListenerRule\"}", advanced.get("ProductionListenerRule").toString());
    assertEquals("{\"Ref\":\"TestListenerRule\"}", advanced.get("TestListenerRule").toString());
    assertEquals("{\"Fn::GetAtt\":[\"EcsInfrastructureRole\",\"Arn\"]}", advanced.get("RoleArn").toString());
    JsonNode role = resources.at("/EcsInfrastructureRole/Properties");
    assertEquals("demo-ecs-infrastructure", role.get("RoleName").asText());
    assertEquals(InfrastructureRole.trust(), role.get("AssumeRolePolicyDocument"), "the document apply puts");
    assertEquals("[\"arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers\"]",
        role.get("ManagedPolicyArns").toString());
  }

  @Test
  void eachListener_hasOneRuleThatOnlyForwards_withWeightsOnBothTargetGroups() throws Exception {
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.ecsNative())).get("Resources");

    for (String[] pair : new String[][] {{"ProductionListenerRule", "ProductionListener"},
        {"TestListenerRule", "TestListener"}}) {
      JsonNode rule = resources.get(pair[0]);
      assertEquals("AWS::ElasticLoadBalancingV2::ListenerRule", rule.get("Type").asText());
      assertEquals("{\"Ref\":\"" + pair[1] + "\"}", rule.at("/Properties/ListenerArn").toString());
      JsonNode actions = rule.at("/Properties/Actions");
      assertEquals(1, actions.size(), "forward only: other action types fail the deployment");
      assertEquals("forward", actions.at("/0/Type").asText());
      assertEquals("[{\"TargetGroupArn\":{\"Ref\":\"TargetGroup1\"},\"Weight\":100},"
          + "{\"TargetGroupArn\":{\"Ref\":\"TargetGroup2\"},\"Weight\":0}]",
          actions.at("/0/ForwardConfig/TargetGroups").toString());
    }
  }

  @Test
  void pipeline_deploysWithTheAmazonEcsAction_fromTheImageDefinitionsTheBuildWrites() throws Exception {
    SetupSpec spec = ExportSpecs.ecsNative();
    JsonNode pipeline = TemplateChecks.parse(SetupTemplate.yaml(spec)).at("/Resources/Pipeline");

    JsonNode deploy = pipeline.at("/Properties/Stages/2/Actions/0");
    assertEquals("Deploy", pipeline.at("/Properties/Stages/2/Name").asText());
    assertEquals("ECS", deploy.at("/ActionTypeId/Provider").asText());
    assertEquals(FileNames.IMAGE_DEFINITIONS, deploy.at("/Configuration/FileName").asText());
    assertEquals("60", deploy.at("/Configuration/DeploymentTimeout").asText());
    assertEquals("demo-service", deploy.at("/Configuration/ServiceName").asText());
    assertTrue(Buildspec.artifactFiles(spec).contains(FileNames.IMAGE_DEFINITIONS), Buildspec.yaml(spec));
    assertTrue(Buildspec.yaml(spec).contains(FileNames.IMAGE_DEFINITIONS), Buildspec.yaml(spec));
    assertTrue(pipeline.get("DependsOn").toString().contains("\"Service\""), "the action names the service as text");
  }

  @Test
  void canaryWithTheUsersOwnRole_hasNoPauseAndNoRoleResource() throws Exception {
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.ecsNativeCanaryExistingRole()))
        .get("Resources");

    JsonNode config = resources.at("/Service/Properties/DeploymentConfiguration");
    assertEquals("CANARY", config.get("Strategy").asText());
    assertEquals(10, config.at("/CanaryConfiguration/CanaryPercent").asInt());
    assertEquals(5, config.at("/CanaryConfiguration/CanaryBakeTimeInMinutes").asInt());
    assertFalse(config.has("LifecycleHooks"));
    assertFalse(resources.has(NativeResources.INFRASTRUCTURE_ROLE));
    assertEquals(ExportSpecs.EXISTING_INFRASTRUCTURE_ROLE,
        resources.at("/Service/Properties/LoadBalancers/0/AdvancedConfiguration/RoleArn").asText());
  }

  @Test
  void eachNativeResource_isPrecededByTheWizardPageItComesFrom() {
    String yaml = SetupTemplate.yaml(ExportSpecs.ecsNative());
    assertTrue(yaml.contains("  # Wizard page: IAM roles\n  EcsInfrastructureRole:\n"), yaml);
    assertTrue(yaml.contains("  # Wizard page: Load balancer\n  ProductionListenerRule:\n"), yaml);
    assertTrue(yaml.contains("  # Wizard page: Load balancer\n  TestListenerRule:\n"), yaml);
    assertTrue(yaml.startsWith("# Blue/green setup demo"), yaml);
    assertTrue(yaml.contains("Description: \"Blue/green setup demo (ECS Fargate, ECS blue/green, CodePipeline),"), yaml);
  }
}
