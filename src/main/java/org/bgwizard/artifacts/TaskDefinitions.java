package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.SetupSpec;

/** The Fargate task definition, as registered by the provisioner and as taskdef.json in the repository. */
public final class TaskDefinitions {
  /** Replaced by CodePipeline with the URI from imageDetail.json (Image1ContainerName IMAGE1_NAME). */
  public static final String IMAGE_PLACEHOLDER = "<IMAGE1_NAME>";

  private TaskDefinitions() {}

  /** The task definition running {@code image}; the first revision runs {@code container.initialImage()}. */
  public static ObjectNode document(SetupSpec spec, Target target, String image) {
    Container c = spec.container();
    ObjectNode doc = Json.object();
    doc.put("family", spec.ecs().taskFamily());
    doc.put("executionRoleArn", Arns.of(spec, target).taskExecutionRole());
    doc.put("networkMode", "awsvpc");
    doc.set("requiresCompatibilities", Json.array(List.of("FARGATE")));
    doc.put("cpu", String.valueOf(c.cpu()));
    doc.put("memory", String.valueOf(c.memory()));
    ObjectNode platform = doc.putObject("runtimePlatform");
    platform.put("cpuArchitecture", c.architecture().name());
    platform.put("operatingSystemFamily", "LINUX");
    doc.putArray("containerDefinitions").add(container(spec, target, image));
    return doc;
  }

  /** taskdef.json for the repository: the image is the placeholder the deploy action fills in. */
  public static String taskdefJson(SetupSpec spec, Target target) {
    return Json.pretty(document(spec, target, IMAGE_PLACEHOLDER));
  }

  private static ObjectNode container(SetupSpec spec, Target target, String image) {
    Container c = spec.container();
    ObjectNode def = Json.object();
    def.put("name", c.name());
    def.put("image", image);
    def.put("essential", true);
    ObjectNode port = def.putArray("portMappings").addObject();
    port.put("containerPort", c.port());
    port.put("hostPort", c.port());
    port.put("protocol", "tcp");
    ArrayNode env = def.putArray("environment");
    for (Map.Entry<String, String> e : new TreeMap<>(c.environment()).entrySet()) {
      env.addObject().put("name", e.getKey()).put("value", e.getValue());
    }
    ObjectNode logs = def.putObject("logConfiguration");
    logs.put("logDriver", "awslogs");
    ObjectNode options = logs.putObject("options");
    options.put("awslogs-group", spec.ecs().logGroup());
    options.put("awslogs-region", target.region());
    options.put("awslogs-stream-prefix", "ecs");
    return def;
  }
}
