package org.bgwizard.artifacts;

import org.bgwizard.setup.Fargate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;

/** Checks of taskdef.json: image placeholder, Fargate requirements, logging and execution role, the setup's values. */
final class TaskdefChecks {
  static final String IMAGE_PLACEHOLDER = "<IMAGE1_NAME>";
  private static final String FILE = Preflight.TASKDEF;
  private static final JsonPointer CONTAINERS = JsonPointer.compile("/containerDefinitions");
  private static final List<String> AWSLOGS_OPTIONS =
      List.of("awslogs-group", "awslogs-region", "awslogs-stream-prefix");

  private TaskdefChecks() {}

  static List<JsonNode> containers(JsonNode root) {
    return StreamSupport.stream(root.path("containerDefinitions").spliterator(), false).toList();
  }

  static List<String> containerPorts(JsonNode container) {
    return StreamSupport.stream(container.path("portMappings").spliterator(), false)
        .map(m -> m.path("containerPort").asText()).filter(p -> !p.isEmpty()).toList();
  }

  static void check(Documents docs, List<Finding> out) {
    SourceLines doc = docs.taskdef();
    if (doc == null) {
      return;
    }
    List<JsonNode> containers = containers(doc.root());
    if (containers.isEmpty()) {
      out.add(Finding.error(FILE, doc.line(CONTAINERS), 0, "taskdef.noContainers"));
      return;
    }
    images(docs, containers, out);
    fargate(doc, out);
    logging(docs, containers, out);
    if (docs.spec() != null) {
      setup(docs, containers, out);
    }
  }

  private static void images(Documents docs, List<JsonNode> containers, List<Finding> out) {
    SourceLines doc = docs.taskdef();
    boolean placeholder = containers.stream().anyMatch(c -> c.path("image").asText().equals(IMAGE_PLACEHOLDER));
    if (docs.taskDefinitionInRepo() && !placeholder) {
      out.add(Finding.error(FILE, doc.line(CONTAINERS), 1, "taskdef.noImagePlaceholder"));
    }
    for (int i = 0; i < containers.size(); i++) {
      String image = containers.get(i).path("image").asText();
      if (!image.isBlank() && !image.equals(IMAGE_PLACEHOLDER) && !image.contains("$") && ImageRef.onDockerHub(image)) {
        out.add(Finding.warning(FILE, doc.line(CONTAINERS.appendIndex(i).appendProperty("image")), 18,
            "taskdef.imageNotQualified", image));
      }
    }
  }

  private static void fargate(SourceLines doc, List<Finding> out) {
    JsonNode root = doc.root();
    String networkMode = root.path("networkMode").asText("-");
    if (!networkMode.equals("awsvpc")) {
      out.add(Finding.error(FILE, line(doc, "/networkMode"), 0, "taskdef.networkMode", networkMode));
    }
    boolean fargate = StreamSupport.stream(root.path("requiresCompatibilities").spliterator(), false)
        .anyMatch(c -> c.asText().equals("FARGATE"));
    if (!fargate) {
      out.add(Finding.error(FILE, line(doc, "/requiresCompatibilities"), 0, "taskdef.notFargate"));
    }
    String cpu = root.path("cpu").asText("-");
    String memory = root.path("memory").asText("-");
    Optional<Integer> cpuUnits = Fargate.parseSize(cpu);
    Optional<Integer> memoryMiB = Fargate.parseSize(memory);
    if (cpuUnits.isEmpty() || memoryMiB.isEmpty() || !Fargate.isValid(cpuUnits.get(), memoryMiB.get())) {
      out.add(Finding.error(FILE, line(doc, "/cpu"), 0, "taskdef.fargateSize", cpu, memory));
    }
  }

  private static void logging(Documents docs, List<JsonNode> containers, List<Finding> out) {
    SourceLines doc = docs.taskdef();
    boolean awslogs = false;
    boolean ecrImage = false;
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String image = c.path("image").asText();
      ecrImage |= image.equals(IMAGE_PLACEHOLDER) || ImageRef.inPrivateEcr(image);
      if (c.path("logConfiguration").path("logDriver").asText().equals("awslogs")) {
        awslogs = true;
        awslogsOptions(docs, c, CONTAINERS.appendIndex(i).appendProperty("logConfiguration"), out);
      }
    }
    if (doc.root().path("executionRoleArn").asText().isBlank() && (awslogs || ecrImage)) {
      out.add(Finding.error(FILE, null, 24, "taskdef.noExecutionRole"));
    }
  }

  private static void awslogsOptions(Documents docs, JsonNode container, JsonPointer at, List<Finding> out) {
    SourceLines doc = docs.taskdef();
    JsonNode options = container.path("logConfiguration").path("options");
    String name = container.path("name").asText();
    for (String option : AWSLOGS_OPTIONS) {
      if (options.path(option).asText().isBlank()) {
        out.add(Finding.error(FILE, doc.line(at), 24, "taskdef.awslogsOption", name, option));
      }
    }
    SetupSpec spec = docs.spec();
    if (spec == null) {
      return;
    }
    JsonPointer optionsAt = at.appendProperty("options");
    String group = options.path("awslogs-group").asText();
    if (!group.isBlank() && !group.equals(spec.ecs().logGroup())) {
      out.add(Finding.error(FILE, doc.line(optionsAt.appendProperty("awslogs-group")), 24,
          "taskdef.logGroupMismatch", group, spec.ecs().logGroup()));
    }
    String region = options.path("awslogs-region").asText();
    if (!region.isBlank() && !region.equals(spec.region())) {
      out.add(Finding.error(FILE, doc.line(optionsAt.appendProperty("awslogs-region")), 24,
          "taskdef.logRegionMismatch", region, spec.region()));
    }
  }

  private static void setup(Documents docs, List<JsonNode> containers, List<Finding> out) {
    SourceLines doc = docs.taskdef();
    SetupSpec spec = docs.spec();
    Architecture arch = docs.taskdefArchitecture();
    if (arch != spec.container().architecture()) {
      out.add(Finding.error(FILE, line(doc, "/runtimePlatform"), 20, "taskdef.architectureMismatch", arch,
          spec.container().architecture()));
    }
    String name = spec.container().name();
    var names = new ArrayList<String>();
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      names.add(c.path("name").asText());
      if (!c.path("name").asText().equals(name)) {
        continue;
      }
      String port = String.valueOf(spec.container().port());
      if (!containerPorts(c).contains(port)) {
        out.add(Finding.error(FILE, doc.line(CONTAINERS.appendIndex(i).appendProperty("portMappings")), 5,
            "taskdef.portNotSetup", port, name, String.join(", ", containerPorts(c))));
      }
      return;
    }
    out.add(Finding.error(FILE, doc.line(CONTAINERS), 4, "taskdef.containerNotSetup", name, String.join(", ", names)));
  }

  private static Integer line(SourceLines doc, String pointer) {
    return doc.line(JsonPointer.compile(pointer));
  }
}
