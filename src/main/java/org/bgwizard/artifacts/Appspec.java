package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bgwizard.setup.SetupSpec;

/** appspec.yaml for an ECS blue/green deployment (catalogue rows 4–7). */
public final class Appspec {
  /** Replaced by CodePipeline with the ARN of the task definition it registers; never a fixed revision (row 6). */
  public static final String TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";

  private Appspec() {}

  public static ObjectNode document(SetupSpec spec) {
    ObjectNode doc = Json.object();
    doc.put("version", 0.0);
    ObjectNode service = doc.putArray("Resources").addObject().putObject("TargetService");
    service.put("Type", "AWS::ECS::Service");
    ObjectNode properties = service.putObject("Properties");
    properties.put("TaskDefinition", TASK_DEFINITION_PLACEHOLDER);
    ObjectNode lb = properties.putObject("LoadBalancerInfo");
    lb.put("ContainerName", spec.container().name());
    lb.put("ContainerPort", spec.container().port());
    return doc;
  }

  /**
   * Gives the replacement task set of {@code doc}'s deployment this awsvpc configuration: on a CODE_DEPLOY service it
   * changes only so (Amazon ECS API Reference, UpdateService; CodeDeploy User Guide, "AppSpec 'resources' section for
   * Amazon ECS deployments").
   */
  public static void withNetwork(ObjectNode doc, List<String> subnets, List<String> securityGroups,
      boolean assignPublicIp) {
    ObjectNode vpc = ((ObjectNode) doc.path("Resources").path(0).path("TargetService").path("Properties"))
        .putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
    subnets.forEach(vpc.putArray("Subnets")::add);
    securityGroups.forEach(vpc.putArray("SecurityGroups")::add);
    vpc.put("AssignPublicIp", assignPublicIp ? "ENABLED" : "DISABLED");
  }

  public static String yaml(SetupSpec spec) {
    return Yaml.write(document(spec));
  }
}
