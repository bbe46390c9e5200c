package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.artifacts.Buildspec;
import org.bgwizard.artifacts.ChangeDetection;
import org.bgwizard.artifacts.EnvironmentArtifacts;
import org.bgwizard.artifacts.FileNames;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.artifacts.RolePolicies;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.artifacts.UnitTests;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;

/**
 * The template of a setup with environments (issues 15 and 16), as apply makes it (ENVIRONMENTS.md decision 2): each
 * environment's resources from its expanded spec ({@link Environments#expand}) through the same builders as a setup
 * without environments, their logical ids suffixed with the environment's name in PascalCase; what several
 * environments have (the same resource, by kind and name) once, under its plain logical id and built from the whole
 * setup: the roles with policies covering every environment ({@link IamPolicies#forRole}), the events role
 * ({@link ChangeDetection#permissions}), the image-build project ({@link Buildspec#projectEnvironment}), the load
 * balancer's security group admitting every environment's ports; they carry the setup tag without an environment
 * tag. Then what only a setup with environments has: the unit-test project, the approval topic and its e-mail
 * subscription (decision 4).
 */
final class EnvironmentTemplate {
  static final String TEST_PROJECT = "TestProject";
  static final String TOPIC = "ApprovalTopic";
  static final String SUBSCRIPTION = "ApprovalEmailSubscription";
  static final String EMAIL_PARAMETER = "ApprovalEmail";
  /** Where the declaration names the test URL of the environment before; becomes a {@code Fn::Sub} of its DNS name. */
  private static final String PREVIOUS_URL = "bgwizard-export-previous-test-url";
  private static final String PREVIOUS_LB = "BgwizardPreviousLoadBalancer";

  private EnvironmentTemplate() {}

  static CloudFormationTemplate of(SetupSpec whole) {
    List<EnvironmentSpec> envs = Environments.expand(whole);
    var perEnvironment = new LinkedHashMap<String, List<TemplateResource>>();
    var users = new LinkedHashMap<ResourceRef, Set<String>>();
    EnvironmentSpec before = null;
    for (EnvironmentSpec env : envs) {
      String previousUrl = before != null && !before.spec().loadBalancer().isExisting() ? PREVIOUS_URL : null;
      Parts parts = new Parts(env.spec(), whole, env.name(), previousUrl);
      if (createsTopic(whole)) {
        // the approval notifies the topic this stack creates
        parts.replace(EnvironmentArtifacts.approvalTopicArn(whole, parts.target), Cfn.ref(TOPIC));
      }
      FoundationResources.add(parts);
      DeliveryResources.add(parts);
      perEnvironment.put(env.name(), parts.resources());
      parts.resources().forEach(r -> users.computeIfAbsent(r.journalRef(), k -> new LinkedHashSet<>()).add(env.name()));
      before = env;
    }
    Parts wholeParts = new Parts(whole);
    var result = new LinkedHashMap<String, TemplateResource>();
    String previousLoadBalancer = null;
    for (EnvironmentSpec env : envs) {
      List<TemplateResource> resources = perEnvironment.get(env.name());
      var rename = new LinkedHashMap<String, String>();
      for (TemplateResource r : resources) {
        if (!shared(r.journalRef(), users, envs.size(), env.name())) {
          rename.put(r.logicalId(), r.logicalId() + suffix(env.name()));
        }
      }
      if (previousLoadBalancer != null) {
        rename.put(PREVIOUS_LB, previousLoadBalancer);
      }
      for (TemplateResource r : resources) {
        boolean shared = !rename.containsKey(r.logicalId());
        if (shared && result.containsKey(r.logicalId())) {
          continue;
        }
        String id = rename.getOrDefault(r.logicalId(), r.logicalId());
        ObjectNode props = (ObjectNode) renamed(previousUrl(r.properties(), env, whole), rename);
        if (shared && props.has("Tags")) {
          props.set("Tags", Cfn.tags(whole.resourceTags()));
        }
        List<String> dependsOn = new ArrayList<>(r.dependsOn().stream().map(d -> rename.getOrDefault(d, d)).toList());
        if (r.type().equals("AWS::CodePipeline::Pipeline")) {
          // the Test stage names the unit-test project as text
          dependsOn.add(TEST_PROJECT);
        }
        String page = shared ? r.page() : r.page() + "; " + Pages.ENVIRONMENTS + ": " + env.name();
        result.put(id, new TemplateResource(id, r.type(), page, props, dependsOn, r.journalRef()));
      }
      previousLoadBalancer = rename.getOrDefault(FoundationResources.LOAD_BALANCER, FoundationResources.LOAD_BALANCER);
    }
    sharedFromWholeSetup(whole, envs, wholeParts, result);
    var resources = new ArrayList<>(result.values());
    extras(whole, wholeParts, resources);
    String deployer = wholeParts.isNative() ? "ECS blue/green" : "CodeDeploy";
    return new CloudFormationTemplate("Blue/green setup " + whole.name() + " with environments "
        + String.join(", ", whole.environments().names()) + " (ECS Fargate, " + deployer
        + ", CodePipeline), exported by Blue/Green Pipeline Wizard", parameters(whole), resources,
        outputs(whole, envs, result.keySet()));
  }

  /**
   * Shared: with two environments or more, what more than one has; with one environment alone, what does not carry
   * the environment's name (the names the expansion leaves as the setup has them).
   */
  private static boolean shared(ResourceRef ref, Map<ResourceRef, Set<String>> users, int environments, String env) {
    return environments > 1 ? users.get(ref).size() > 1 : !ref.name().contains("-" + env);
  }

  static String suffix(String environment) {
    var out = new StringBuilder();
    for (String part : environment.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** Whether the setup creates its approval topic: an environment is gated and no existing topic was chosen. */
  static boolean createsTopic(SetupSpec spec) {
    var topic = spec.environments().approvalTopic();
    return topic != null && !topic.isExisting() && topic.name() != null && !topic.name().isBlank()
        && spec.environments().list().stream().anyMatch(e -> e.approval());
  }

  /** Whether the template subscribes an e-mail address to the topic it creates. */
  static boolean subscribes(SetupSpec spec) {
    return spec.hasEnvironments() && createsTopic(spec) && spec.environments().approvalTopic().email() != null
        && !spec.environments().approvalTopic().email().isBlank();
  }

  /**
   * The approval's text and link name the test URL of the environment before: in the template that is a
   * {@code Fn::Sub} of that environment's load balancer's DNS name, known once the stack has made it.
   */
  private static JsonNode previousUrl(JsonNode node, EnvironmentSpec env, SetupSpec whole) {
    if (node.isTextual() && node.asText().contains(PREVIOUS_URL)) {
      var previous = whole.environments().previous(env.name()).orElseThrow();
      int port = Environments.expand(whole, previous.name()).orElseThrow().spec().loadBalancer().testPort();
      return Cfn.sub(node.asText().replace("${", "${!").replace(PREVIOUS_URL,
          "http://${" + PREVIOUS_LB + ".DNSName}:" + port + "/"));
    }
    if (node.isArray()) {
      ArrayNode copy = Cfn.array();
      node.forEach(item -> copy.add(previousUrl(item, env, whole)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Cfn.object();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), previousUrl(e.getValue(), env, whole)));
      return copy;
    }
    return node.deepCopy();
  }

  /** {@code node} with every Ref, GetAtt and Sub variable naming a key of {@code rename} naming its value. */
  private static JsonNode renamed(JsonNode node, Map<String, String> rename) {
    if (node.isArray()) {
      ArrayNode copy = Cfn.array();
      node.forEach(item -> copy.add(renamed(item, rename)));
      return copy;
    }
    if (!node.isObject()) {
      return node.deepCopy();
    }
    if (node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
      String id = node.get("Ref").asText();
      return Cfn.ref(rename.getOrDefault(id, id));
    }
    if (node.size() == 1 && node.has("Fn::GetAtt") && node.get("Fn::GetAtt").isArray()) {
      String id = node.get("Fn::GetAtt").get(0).asText();
      return Cfn.getAtt(rename.getOrDefault(id, id), node.get("Fn::GetAtt").get(1).asText());
    }
    if (node.size() == 1 && node.has("Fn::Sub") && node.get("Fn::Sub").isTextual()) {
      String text = node.get("Fn::Sub").asText();
      for (var e : rename.entrySet()) {
        text = text.replace("${" + e.getKey() + ".", "${" + e.getValue() + ".")
            .replace("${" + e.getKey() + "}", "${" + e.getValue() + "}");
      }
      return Cfn.sub(text);
    }
    ObjectNode copy = Cfn.object();
    node.fields().forEachRemaining(e -> copy.set(e.getKey(), renamed(e.getValue(), rename)));
    return copy;
  }

  /** The shared resources whose content covers every environment, built from the whole setup as apply builds them. */
  private static void sharedFromWholeSetup(SetupSpec whole, List<EnvironmentSpec> envs, Parts parts,
      Map<String, TemplateResource> result) {
    for (RolePolicies role : IamPolicies.generated(whole, parts.target)) {
      ObjectNode props = FoundationResources.role(role.roleName(), ResourceTexts.roleDescription(whole, role.role()),
          role.trust(), role.permissions(), parts);
      TemplateResource before = result.get(Parts.roleId(role.role()));
      if (before != null && before.properties().path("Policies").size() > 1) {
        // the pipeline role's UseConnection policy for a connection the stack creates, already resolved
        ObjectNode resolved = (ObjectNode) parts.resolve(props);
        for (int i = 1; i < before.properties().get("Policies").size(); i++) {
          ((ArrayNode) resolved.get("Policies")).add(before.properties().get("Policies").get(i).deepCopy());
        }
        result.put(before.logicalId(), new TemplateResource(before.logicalId(), before.type(), before.page(), resolved,
            before.dependsOn(), before.journalRef()));
        continue;
      }
      replace(result, Parts.roleId(role.role()), parts, props);
    }
    TemplateResource events = result.get(DeliveryResources.EVENTS_ROLE);
    if (events != null) {
      replace(result, DeliveryResources.EVENTS_ROLE, parts, FoundationResources.role(ChangeDetection.roleName(whole),
          ResourceTexts.eventsRoleDescription(whole), ChangeDetection.trustPolicy(),
          ChangeDetection.permissions(whole, parts.target), parts));
    }
    TemplateResource build = result.get(DeliveryResources.BUILD_PROJECT);
    if (build != null) {
      ObjectNode props = build.properties().deepCopy();
      ArrayNode variables = Cfn.array();
      Buildspec.projectEnvironment(whole, parts.target).forEach((k, v) ->
          variables.addObject().put("Name", k).put("Value", v).put("Type", "PLAINTEXT"));
      ((ObjectNode) props.get("Environment")).set("EnvironmentVariables", variables);
      replace(result, DeliveryResources.BUILD_PROJECT, parts, props);
    }
    TemplateResource group = result.get(FoundationResources.LB_GROUP);
    if (group != null) {
      ObjectNode props = group.properties().deepCopy();
      ArrayNode ingress = Cfn.array();
      var ports = new LinkedHashSet<Integer>();
      envs.forEach(e -> {
        ports.add(e.spec().loadBalancer().productionPort());
        ports.add(e.spec().loadBalancer().testPort());
      });
      for (int port : ports) {
        ingress.addObject().put("IpProtocol", "tcp").put("FromPort", port).put("ToPort", port)
            .put("CidrIp", whole.network().ingressCidr());
      }
      props.set("SecurityGroupIngress", ingress);
      replace(result, FoundationResources.LB_GROUP, parts, props);
    }
  }

  private static void replace(Map<String, TemplateResource> result, String id, Parts parts, ObjectNode properties) {
    TemplateResource r = result.get(id);
    if (r != null) {
      result.put(id, new TemplateResource(id, r.type(), r.page(), (ObjectNode) parts.resolve(properties),
          r.dependsOn(), r.journalRef()));
    }
  }

  /** The unit-test project every environment's Test stage runs; the approval topic and its e-mail subscription. */
  private static void extras(SetupSpec whole, Parts parts, List<TemplateResource> resources) {
    var build = whole.codeBuild();
    ObjectNode p = Cfn.object();
    p.put("Name", UnitTests.projectName(whole));
    p.set("ServiceRole", parts.roleArn(ServiceRole.CODE_BUILD));
    p.putObject("Source").put("Type", "CODEPIPELINE").put("BuildSpec", FileNames.BUILDSPEC_TEST);
    p.putObject("Artifacts").put("Type", "CODEPIPELINE");
    DeliveryResources.buildEnvironment(p, build);
    p.put("TimeoutInMinutes", build.timeoutMinutes());
    ObjectNode logs = p.putObject("LogsConfig").putObject("CloudWatchLogs");
    logs.put("Status", "ENABLED");
    logs.set("GroupName", Cfn.ref(FoundationResources.BUILD_LOGS));
    p.set("Tags", parts.tags());
    resources.add(resource(TEST_PROJECT, "AWS::CodeBuild::Project", Pages.ENVIRONMENTS, parts, p,
        ResourceKind.BUILD_PROJECT, UnitTests.projectName(whole)));
    if (!createsTopic(whole)) {
      return;
    }
    String topicName = whole.environments().approvalTopic().name();
    ObjectNode topic = Cfn.object();
    topic.put("TopicName", topicName);
    topic.set("Tags", parts.tags());
    resources.add(resource(TOPIC, "AWS::SNS::Topic", Pages.ENVIRONMENTS, parts, topic, ResourceKind.SNS_TOPIC,
        topicName));
    if (subscribes(whole)) {
      // AWS sends the address a confirmation mail first; the subscription is "pending confirmation" until it is
      // confirmed ("Subscribe", Amazon SNS API Reference)
      ObjectNode sub = Cfn.object();
      sub.set("TopicArn", Cfn.ref(TOPIC));
      sub.put("Protocol", "email");
      sub.set("Endpoint", Cfn.ref(EMAIL_PARAMETER));
      resources.add(resource(SUBSCRIPTION, "AWS::SNS::Subscription", Pages.ENVIRONMENTS, parts, sub,
          ResourceKind.SNS_SUBSCRIPTION, topicName + ":" + whole.environments().approvalTopic().email()));
    }
  }

  private static TemplateResource resource(String id, String type, String page, Parts parts, ObjectNode properties,
      ResourceKind kind, String name) {
    return new TemplateResource(id, type, page, (ObjectNode) parts.resolve(properties), List.of(),
        new ResourceRef(kind.id(), name));
  }

  private static Map<String, ObjectNode> parameters(SetupSpec whole) {
    var params = new LinkedHashMap<>(SetupTemplate.parameters(whole));
    if (subscribes(whole)) {
      ObjectNode email = Cfn.object();
      email.put("Type", "String");
      email.put("Description", "The e-mail address the approval requests go to; AWS sends it a confirmation mail"
          + " first (wizard page " + Pages.ENVIRONMENTS + ")");
      email.put("Default", whole.environments().approvalTopic().email());
      params.put(EMAIL_PARAMETER, email);
    }
    return params;
  }

  /** Each environment's production and test URLs (when the setup made its load balancer) and pipeline. */
  private static Map<String, ObjectNode> outputs(SetupSpec whole, List<EnvironmentSpec> envs, Set<String> ids) {
    var outputs = new LinkedHashMap<String, ObjectNode>();
    for (EnvironmentSpec env : envs) {
      String suffix = suffix(env.name());
      var lb = env.spec().loadBalancer();
      String lbId = ids.contains(FoundationResources.LOAD_BALANCER + suffix)
          ? FoundationResources.LOAD_BALANCER + suffix : FoundationResources.LOAD_BALANCER;
      if (!lb.isExisting() && ids.contains(lbId)) {
        outputs.put("ProductionUrl" + suffix, SetupTemplate.output("The production listener of " + env.name()
            + ": what its users see", Cfn.sub("http://${" + lbId + ".DNSName}:" + lb.productionPort() + "/")));
        outputs.put("TestUrl" + suffix, SetupTemplate.output("The test listener of " + env.name()
            + ": the new version during a deployment", Cfn.sub("http://${" + lbId + ".DNSName}:" + lb.testPort()
            + "/")));
      }
      outputs.put("PipelineName" + suffix, SetupTemplate.output("The pipeline of " + env.name()
          + ": Source, Test, Build, Deploy", Cfn.ref(DeliveryResources.PIPELINE + suffix)));
    }
    return outputs;
  }
}
