package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgwizard.artifacts.Arns;
import org.bgwizard.artifacts.ServiceRole;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/** What the resource builders share while one template is built: the spec, its placeholder account, the result. */
final class Parts {
  static final String VPC = "VpcId";
  static final String SUBNETS = "Subnets";
  static final String LOAD_BALANCER_GROUP_PARAMETER = "LoadBalancerSecurityGroup";

  final SetupSpec spec;
  final Target target;
  final Arns arns;
  /** For one environment of a setup with environments: the whole setup, the environment, the URL placeholder. */
  final SetupSpec whole;
  final String environment;
  final String previousTestUrl;
  private final List<TemplateResource> resources = new ArrayList<>();
  private final Map<String, JsonNode> exact = new LinkedHashMap<>();

  Parts(SetupSpec spec) {
    this(spec, null, null, null);
  }

  /**
   * The parts of environment {@code environment} of {@code whole}, built from its expanded spec {@code spec}; its
   * pipeline is the environment's ({@code PipelineStructure.declaration(whole, environment, …)}), with
   * {@code previousTestUrl} (a placeholder, or null) for the test URL of the environment before it.
   */
  Parts(SetupSpec spec, SetupSpec whole, String environment, String previousTestUrl) {
    this.spec = spec;
    this.target = AccountNeutral.target(spec);
    this.arns = Arns.of(spec, target);
    this.whole = whole;
    this.environment = environment;
    this.previousTestUrl = previousTestUrl;
  }

  /** {@code node} with the placeholders of this template resolved, as {@link #add} resolves properties. */
  JsonNode resolve(JsonNode node) {
    return AccountNeutral.resolve(node, exact);
  }

  /** Where the text {@code placeholder} appears in a generated document, the template puts {@code value}. */
  void replace(String placeholder, JsonNode value) {
    exact.put(placeholder, value);
  }

  void add(String logicalId, String type, String page, ObjectNode properties, List<String> dependsOn,
      ResourceKind kind, String name) {
    ObjectNode resolved = (ObjectNode) AccountNeutral.resolve(properties, exact);
    resources.add(new TemplateResource(logicalId, type, page, resolved, dependsOn,
        new ResourceRef(kind.id(), name)));
  }

  /** Replaces the properties of a resource added before (resolved again, as {@link #add} does). */
  void replaceResource(String logicalId, ObjectNode properties) {
    for (int i = 0; i < resources.size(); i++) {
      TemplateResource r = resources.get(i);
      if (r.logicalId().equals(logicalId)) {
        resources.set(i, new TemplateResource(logicalId, r.type(), r.page(),
            (ObjectNode) AccountNeutral.resolve(properties, exact), r.dependsOn(), r.journalRef()));
      }
    }
  }

  /** Whether ECS deploys blue/green itself ({@link Strategy#ECS_NATIVE}): no CodeDeploy resources then. */
  boolean isNative() {
    return spec.strategy() == Strategy.ECS_NATIVE;
  }

  List<TemplateResource> resources() {
    return List.copyOf(resources);
  }

  ArrayNode tags() {
    return Cfn.tags(spec.resourceTags());
  }

  /** The role's ARN: the user's own as given, or the created role's {@code Arn}. */
  JsonNode roleArn(ServiceRole role) {
    var ref = role.ref(spec.roles());
    return ref.isExisting() ? Cfn.text(ref.existingArn()) : Cfn.getAtt(roleId(role), "Arn");
  }

  static String roleId(ServiceRole role) {
    return switch (role) {
      case TASK_EXECUTION -> "TaskExecutionRole";
      case CODE_DEPLOY -> "CodeDeployRole";
      case CODE_BUILD -> "CodeBuildRole";
      case CODE_PIPELINE -> "CodePipelineRole";
    };
  }
}
