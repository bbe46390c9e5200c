package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.artifacts.Target;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecValidator;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateStructureTest {
  static Stream<Arguments> setups() {
    return Stream.of(Arguments.of("tutorial", ExportSpecs.tutorial()), Arguments.of("s3", ExportSpecs.s3Source()),
        Arguments.of("new connection", ExportSpecs.newConnection()),
        Arguments.of("existing parts", ExportSpecs.existingParts()), Arguments.of("ecs native", ExportSpecs.ecsNative()),
        Arguments.of("ecs native canary", ExportSpecs.ecsNativeCanaryExistingRole()),
        Arguments.of("two environments", ExportSpecs.twoEnvironments()),
        Arguments.of("two environments, shared load balancer", ExportSpecs.twoEnvironmentsSharedLoadBalancer()),
        Arguments.of("two environments, new connection", ExportSpecs.twoEnvironmentsNewConnection()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void template_parsesAndEveryReferenceTypeAndPropertyChecksOut(String name, SetupSpec spec) throws Exception {
    assertEquals(List.of(), SpecValidator.validate(spec), "the fixture itself is valid");
    JsonNode template = TemplateChecks.parse(SetupTemplate.yaml(spec));
    assertEquals(List.of(), TemplateChecks.problems(template));
    assertFalse(template.has("Transform"), "no AWS::CodeDeployBlueGreen transform");
    var services = new java.util.ArrayList<String>();
    template.get("Resources").fields().forEachRemaining(e -> {
      if (e.getValue().get("Type").asText().equals("AWS::ECS::Service")) {
        services.add(e.getKey());
        assertEquals(spec.strategy() == Strategy.ECS_NATIVE ? "ECS" : "CODE_DEPLOY",
            e.getValue().at("/Properties/DeploymentController/Type").asText(), e.getKey());
      }
    });
    assertEquals(spec.hasEnvironments() ? spec.environments().list().size() : 1, services.size(), services.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void everyTaggableResource_carriesTheSetupTag(String name, SetupSpec spec) throws Exception {
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(spec)).get("Resources");
    resources.fields().forEachRemaining(e -> {
      String type = e.getValue().get("Type").asText();
      boolean taggable = ResourceSchemas.of(type).orElseThrow().path("properties").has("Tags");
      assertEquals(taggable, e.getValue().at("/Properties/Tags").toString().contains(
          "{\"Key\":\"bgwizard:setup\",\"Value\":\"" + spec.name() + "\"}"), e.getKey());
    });
  }

  @Test
  void rolePolicies_areTheDocumentsApplyPuts_withTheStacksAccount() throws Exception {
    SetupSpec spec = ExportSpecs.tutorial();
    JsonNode resources = TemplateChecks.parse(SetupTemplate.yaml(spec)).get("Resources");
    Target target = new Target("123456789012", spec.region());
    List<RolePolicies> roles = IamPolicies.generated(spec, target);
    assertEquals(4, roles.size());
    for (RolePolicies role : roles) {
      JsonNode found = resources.get(Parts.roleId(role.role())).get("Properties");
      assertEquals(role.roleName(), found.get("RoleName").asText());
      assertEquals(role.trust(), found.get("AssumeRolePolicyDocument"));
      assertEquals(role.permissions(), substituted(found.at("/Policies/0/PolicyDocument"), target.accountId()));
    }
  }

  @Test
  void environments_withANewConnection_keepTheUseConnectionPolicyOnTheSharedPipelineRole() throws Exception {
    JsonNode role = TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.twoEnvironmentsNewConnection()))
        .at("/Resources/CodePipelineRole/Properties/Policies");
    assertEquals(2, role.size(), role.toString());
    assertTrue(role.get(1).toString().contains("\"Ref\":\"SourceConnection\""), role.toString());
    assertTrue(role.get(0).toString().contains("-prod"), "the shared policy covers every environment");
  }

  @Test
  void eachResource_isPrecededByTheWizardPageItComesFrom() {
    String yaml = SetupTemplate.yaml(ExportSpecs.tutorial());
    assertTrue(yaml.contains("  # Wizard page: IAM roles\n  TaskExecutionRole:\n"), yaml);
    assertTrue(yaml.contains("  # Wizard page: CodeDeploy\n  DeploymentGroup:\n"), yaml);
    assertTrue(yaml.contains("  # Wizard page: Load balancer\n  ProductionListener:\n"), yaml);
  }

  @Test
  void theChecks_findUnknownPropertiesDanglingReferencesMissingRequiredPropertiesAndCycles() throws Exception {
    ObjectNode template = (ObjectNode) TemplateChecks.parse(SetupTemplate.yaml(ExportSpecs.tutorial()));
    ObjectNode resources = (ObjectNode) template.get("Resources");
    ((ObjectNode) resources.at("/Cluster/Properties")).put("ClusterNmae", "typo");
    ((ObjectNode) resources.at("/Service/Properties")).set("TaskDefinition", Cfn.ref("Nothing"));
    ((ObjectNode) resources.at("/Service/Properties/NetworkConfiguration/AwsvpcConfiguration")).put("Subnet", "x");
    ((ObjectNode) resources.at("/Service/Properties/LoadBalancers/0/TargetGroupArn")).set("Fn::GetAtt",
        Cfn.strings(List.of("TargetGroup1", "Nope")));
    ((ObjectNode) resources.at("/DeploymentGroup/Properties")).remove("ServiceRoleArn");
    ((ObjectNode) resources.get("ProductionListener")).set("DependsOn", Cfn.strings(List.of("Service")));
    List<String> problems = TemplateChecks.problems(template);
    assertTrue(problems.stream().anyMatch(p -> p.contains("ClusterNmae is not a property")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("Ref Nothing names nothing")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("AwsvpcConfiguration.Subnet is not a property")),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("has no attribute Nope")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("lacks the required ServiceRoleArn")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("cycle: ")), problems.toString());
  }

  /** The document with each {@code {"Fn::Sub": s}} replaced by {@code s} for the account. */
  private static JsonNode substituted(JsonNode node, String account) {
    if (node.isObject() && node.has("Fn::Sub")) {
      return Cfn.text(node.get("Fn::Sub").asText().replace("${AWS::AccountId}", account));
    }
    if (node.isObject()) {
      ObjectNode copy = Cfn.object();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), substituted(e.getValue(), account)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Cfn.array();
      node.forEach(n -> copy.add(substituted(n, account)));
      return copy;
    }
    return node;
  }
}
