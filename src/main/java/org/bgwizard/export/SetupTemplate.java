package org.bgwizard.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bgwizard.setup.Network;
import org.bgwizard.setup.SetupSpec;

/**
 * The CloudFormation template of a whole setup as it is today: either strategy, one environment, the source the setup
 * names. CodeDeploy is two plain resources, not the {@code AWS::CodeDeployBlueGreen} transform, which
 * cannot be mixed with other resource updates, nested stacks, outputs or imports ("Considerations when managing
 * ECS blue/green deployments using CloudFormation", CloudFormation User Guide); the built-in strategy is the
 * service's own {@code DeploymentConfiguration} and {@code LoadBalancers[].AdvancedConfiguration} with two listener
 * rules ({@link NativeResources}).
 */
public final class SetupTemplate {
  private SetupTemplate() {}

  /** The template of {@code spec}, which must be valid (SpecValidator). */
  public static CloudFormationTemplate of(SetupSpec spec) {
    if (spec.hasEnvironments()) {
      return EnvironmentTemplate.of(spec);
    }
    Parts parts = new Parts(spec);
    FoundationResources.add(parts);
    DeliveryResources.add(parts);
    String deployer = parts.isNative() ? "ECS blue/green" : "CodeDeploy";
    return new CloudFormationTemplate("Blue/green setup " + spec.name() + " (ECS Fargate, " + deployer
        + ", CodePipeline), exported by Blue/Green Pipeline Wizard", parameters(spec), parts.resources(), outputs(spec));
  }

  /** The template as a file: what it is and how to deploy it as comments on top. */
  public static String yaml(SetupSpec spec) {
    return of(spec).yaml(header(spec, "aws cloudformation deploy --template-file template.yaml --stack-name "
        + spec.name() + " --capabilities CAPABILITY_NAMED_IAM"
        + (spec.network().usesDefaultVpc() ? " --parameter-overrides VpcId=<vpc id> Subnets=<subnet>,<subnet>" : "")),
        Set.of());
  }

  static List<String> header(SetupSpec spec, String deploy) {
    return List.of("Blue/green setup " + spec.name() + " in " + spec.region()
            + ", exported by Blue/Green Pipeline Wizard from its setup file.",
        "Every resource carries the setup's names and the tag " + SetupSpec.SETUP_TAG + "=" + spec.name()
            + "; the comment above each says which wizard page set it.",
        "The IAM policies are the documents apply puts on the roles; the account id is ${AWS::AccountId}.",
        "", "Deploy: " + deploy);
  }

  static Map<String, ObjectNode> parameters(SetupSpec spec) {
    var params = new LinkedHashMap<String, ObjectNode>();
    Network network = spec.network();
    ObjectNode vpc = Cfn.object();
    vpc.put("Type", "AWS::EC2::VPC::Id");
    vpc.put("Description", "The VPC of the load balancer and the tasks (wizard page " + Pages.NETWORK + ")");
    if (!network.usesDefaultVpc()) {
      vpc.put("Default", network.vpcId());
    }
    params.put(Parts.VPC, vpc);
    ObjectNode subnets = Cfn.object();
    subnets.put("Type", "List<AWS::EC2::Subnet::Id>");
    subnets.put("Description", "Subnets in at least two availability zones, for the load balancer and the tasks"
        + " (wizard page " + Pages.NETWORK + ")");
    if (!network.subnets().isEmpty()) {
      subnets.put("Default", network.subnets().stream().map(Network.SubnetRef::id).collect(Collectors.joining(",")));
    }
    params.put(Parts.SUBNETS, subnets);
    if (spec.loadBalancer().isExisting()) {
      ObjectNode group = Cfn.object();
      group.put("Type", "AWS::EC2::SecurityGroup::Id");
      group.put("Description", "The security group of your load balancer; the tasks admit the container port from it"
          + " (wizard page " + Pages.LOAD_BALANCER + ")");
      params.put(Parts.LOAD_BALANCER_GROUP_PARAMETER, group);
    }
    return params;
  }

  private static Map<String, ObjectNode> outputs(SetupSpec spec) {
    var outputs = new LinkedHashMap<String, ObjectNode>();
    var lb = spec.loadBalancer();
    if (!lb.isExisting()) {
      outputs.put("ProductionUrl", output("The production listener: what users see",
          Cfn.sub("http://${" + FoundationResources.LOAD_BALANCER + ".DNSName}:" + lb.productionPort() + "/")));
      outputs.put("TestUrl", output("The test listener: the new version during a deployment",
          Cfn.sub("http://${" + FoundationResources.LOAD_BALANCER + ".DNSName}:" + lb.testPort() + "/")));
    }
    outputs.put("PipelineName", output("The pipeline: Source, Build, Deploy", Cfn.ref(DeliveryResources.PIPELINE)));
    return outputs;
  }

  static ObjectNode output(String description, ObjectNode value) {
    ObjectNode out = Cfn.object();
    out.put("Description", description);
    out.set("Value", value);
    return out;
  }
}
