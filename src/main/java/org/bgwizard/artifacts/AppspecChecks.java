package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bgwizard.setup.Container;

/** Checks of appspec.yaml: an ECS target service, the task definition placeholder, one container name and port. */
final class AppspecChecks {
  static final String TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";
  private static final String FILE = Preflight.APPSPEC;

  private AppspecChecks() {}

  static void check(Documents docs, List<Finding> out) {
    SourceLines doc = docs.appspec();
    if (doc == null) {
      return;
    }
    JsonNode version = doc.root().get("version");
    if (version == null || !version.asText().equals("0.0")) {
      out.add(Finding.error(FILE, doc.line(JsonPointer.compile("/version")), 7, "appspec.version",
          version == null ? "-" : version.asText()));
    }
    JsonNode resources = doc.root().path("Resources");
    for (int i = 0; i < resources.size(); i++) {
      JsonNode service = resources.get(i).get("TargetService");
      if (service != null) {
        targetService(docs, service, JsonPointer.compile("/Resources/" + i + "/TargetService"), out);
        return;
      }
    }
    out.add(Finding.error(FILE, doc.line(JsonPointer.compile("/Resources")), 7, "appspec.noTargetService"));
  }

  private static void targetService(Documents docs, JsonNode service, JsonPointer at, List<Finding> out) {
    SourceLines doc = docs.appspec();
    String type = service.path("Type").asText("-");
    if (!type.equals("AWS::ECS::Service")) {
      out.add(Finding.error(FILE, doc.line(at.appendProperty("Type")), 7, "appspec.targetServiceType", type));
    }
    JsonPointer properties = at.appendProperty("Properties");
    String taskDefinition = service.path("Properties").path("TaskDefinition").asText("-");
    if (!taskDefinition.equals(TASK_DEFINITION_PLACEHOLDER)) {
      out.add(Finding.error(FILE, doc.line(properties.appendProperty("TaskDefinition")), 6,
          "appspec.taskDefinitionNotPlaceholder", taskDefinition));
    }
    JsonPointer lbAt = properties.appendProperty("LoadBalancerInfo");
    JsonNode lb = service.path("Properties").path("LoadBalancerInfo");
    String name = lb.path("ContainerName").asText("");
    String port = lb.path("ContainerPort").asText("");
    if (name.isEmpty() || port.isEmpty()) {
      out.add(Finding.error(FILE, doc.line(lbAt), 4, "appspec.noLoadBalancerInfo"));
      return;
    }
    Integer nameLine = doc.line(lbAt.appendProperty("ContainerName"));
    Integer portLine = doc.line(lbAt.appendProperty("ContainerPort"));
    if (docs.taskdef() != null) {
      var containers = TaskdefChecks.containers(docs.taskdef().root());
      var container = containers.stream().filter(c -> c.path("name").asText().equals(name)).findFirst();
      if (container.isEmpty()) {
        out.add(Finding.error(FILE, nameLine, 4, "appspec.containerNotInTaskdef", name,
            String.join(", ", containers.stream().map(c -> c.path("name").asText()).toList())));
      } else if (!TaskdefChecks.containerPorts(container.get()).contains(port)) {
        out.add(Finding.error(FILE, portLine, 5, "appspec.portNotInTaskdef", port, name,
            String.join(", ", TaskdefChecks.containerPorts(container.get()))));
      }
    }
    if (docs.spec() != null) {
      Container wanted = docs.spec().container();
      if (!name.equals(wanted.name())) {
        out.add(Finding.error(FILE, nameLine, 4, "appspec.containerNotSetup", name, wanted.name()));
      }
      if (!port.equals(String.valueOf(wanted.port()))) {
        out.add(Finding.error(FILE, portLine, 5, "appspec.portNotSetup", port, wanted.port()));
      }
    }
  }
}
