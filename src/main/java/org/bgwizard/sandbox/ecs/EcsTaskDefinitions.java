package org.bgwizard.sandbox.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.ecs.EcsState.ContainerDefinition;
import org.bgwizard.sandbox.ecs.EcsState.PortMapping;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.ecs.model.ClientException;

/**
 * Task definitions: registration with ECS's Fargate rules (Amazon ECS API Reference, RegisterTaskDefinition; catalogue
 * row 24), revisions per family, lookup by family, {@code family:revision} or ARN, deregistration.
 */
public final class EcsTaskDefinitions {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
  private static final Pattern VCPU = Pattern.compile("(\\d*\\.?\\d+)\\s*vcpu");
  private static final Pattern GB = Pattern.compile("(\\d*\\.?\\d+)\\s*gb");
  private static final Set<String> READ_ONLY_FIELDS = Set.of("taskDefinitionArn", "revision", "status",
      "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "tags");

  private final SandboxAccount account;
  private final EcsEngine ecs;

  EcsTaskDefinitions(SandboxAccount account, EcsEngine ecs) {
    this.account = account;
    this.ecs = ecs;
  }

  private Map<String, TaskDefinition> all() {
    return account.state(EcsState.class).taskDefinitions;
  }

  private RuntimeException client(String message) {
    return ecs.error(ClientException.builder(), "ClientException", message);
  }

  TaskDefinition register(TaskDefinition draft, Map<String, String> tags) {
    validate(draft);
    var td = draft;
    td.revision = all().values().stream().filter(t -> t.family.equals(td.family)).mapToInt(t -> t.revision).max()
        .orElse(0) + 1;
    td.taskDefinitionArn = "arn:aws:ecs:" + account.region() + ":" + account.accountId() + ":task-definition/"
        + td.family + ":" + td.revision;
    td.status = "ACTIVE";
    td.registeredAt = account.now();
    td.deregisteredAt = null;
    td.tags = new LinkedHashMap<>(tags);
    all().put(td.taskDefinitionArn, td);
    return td;
  }

  /** Registers a task definition given as ECS JSON (taskdef.json); read-only fields in it are ignored. */
  TaskDefinition registerJson(String json) {
    JsonNode node;
    try {
      node = SandboxAccount.STATE_MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw client("The task definition is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode obj)) {
      throw client("The task definition must be a JSON object");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    obj.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    obj.remove(READ_ONLY_FIELDS);
    try {
      return register(SandboxAccount.STATE_MAPPER.treeToValue(obj, TaskDefinition.class), tags);
    } catch (JsonProcessingException e) {
      throw client("The task definition JSON does not match the RegisterTaskDefinition shape: "
          + e.getOriginalMessage());
    }
  }

  private void validate(TaskDefinition td) {
    if (td.family == null || !NAME.matcher(td.family).matches()) {
      throw client("Family name must be 1 to 255 letters, numbers, hyphens and underscores: '" + td.family + "'");
    }
    if (td.containerDefinitions == null || td.containerDefinitions.isEmpty()) {
      throw client("Container list cannot be empty.");
    }
    if (td.requiresCompatibilities == null) {
      td.requiresCompatibilities = new ArrayList<>();
    }
    for (String c : td.requiresCompatibilities) {
      if (!Set.of("EC2", "FARGATE", "EXTERNAL").contains(c)) {
        throw client("Invalid compatibility: " + c);
      }
    }
    boolean fargate = td.requiresCompatibilities.contains("FARGATE");
    if (td.networkMode == null) {
      td.networkMode = "bridge";
    }
    if (!Set.of("bridge", "host", "awsvpc", "none").contains(td.networkMode)) {
      throw client("Invalid network mode: " + td.networkMode);
    }
    if (fargate && !td.networkMode.equals("awsvpc")) {
      throw client("Fargate only supports network mode \u2018awsvpc\u2019.");
    }
    td.cpu = normalize(td.cpu, VCPU, "cpu");
    td.memory = normalize(td.memory, GB, "memory");
    if (fargate) {
      if (td.cpu == null) {
        throw client("Fargate requires that 'cpu' be defined at the task level.");
      }
      if (td.memory == null) {
        throw client("Fargate requires that 'memory' be defined at the task level.");
      }
      if (!fargatePair(Integer.parseInt(td.cpu), Integer.parseInt(td.memory))) {
        throw client("No Fargate configuration exists for given values.");
      }
    }
    checkRole(td.executionRoleArn, "executionRoleArn");
    checkRole(td.taskRoleArn, "taskRoleArn");
    if (td.runtimePlatform != null) {
      var rp = td.runtimePlatform;
      if (rp.cpuArchitecture != null && !Set.of("X86_64", "ARM64").contains(rp.cpuArchitecture)) {
        throw client("Invalid cpuArchitecture: " + rp.cpuArchitecture);
      }
    }
    Set<String> names = new HashSet<>();
    for (ContainerDefinition c : td.containerDefinitions) {
      validateContainer(td, c, fargate);
      if (!names.add(c.name)) {
        throw client("Container names must be unique within a task definition: '" + c.name + "'");
      }
    }
    if (td.containerDefinitions.stream().noneMatch(c -> c.essential == null || c.essential)) {
      throw client("A task definition must have at least one essential container.");
    }
  }

  private void validateContainer(TaskDefinition td, ContainerDefinition c, boolean fargate) {
    if (c.name == null || c.name.isEmpty()) {
      throw client("Container.name should not be null or empty.");
    }
    if (!NAME.matcher(c.name).matches()) {
      throw client("Container name can contain only letters, numbers, hyphens and underscores: '" + c.name + "'");
    }
    if (c.image == null || c.image.isBlank()) {
      throw client("Container.image should not be null or empty.");
    }
    if (c.image.length() > 255) {
      throw client("Container.image should not be longer than 255 characters.");
    }
    if (c.portMappings == null) {
      c.portMappings = new ArrayList<>();
    }
    for (PortMapping p : c.portMappings) {
      if (p.containerPort == null || p.containerPort < 1 || p.containerPort > 65535) {
        throw client("Invalid container port in port mappings of container '" + c.name + "'");
      }
      if (td.networkMode.equals("awsvpc")) {
        if (p.hostPort != null && !p.hostPort.equals(p.containerPort)) {
          throw client("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
        }
        p.hostPort = p.containerPort;
      }
      if (p.protocol == null) {
        p.protocol = "tcp";
      }
    }
    var log = c.logConfiguration;
    if (log != null && "awslogs".equals(log.logDriver)) {
      if (fargate && td.executionRoleArn == null) {
        throw client("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
      }
      if (log.options == null) {
        log.options = new LinkedHashMap<>();
      }
      for (String option : fargate ? List.of("awslogs-group", "awslogs-region", "awslogs-stream-prefix")
          : List.of("awslogs-group", "awslogs-region")) {
        String v = log.options.get(option);
        if (v == null || v.isEmpty()) {
          // (unv) wording; the requirement itself is documented for Fargate.
          throw client("Log driver awslogs requires option '" + option + "'.");
        }
      }
    }
  }

  private void checkRole(String arn, String field) {
    if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
      throw client("Role is not valid: " + field + " '" + arn + "'");
    }
  }

  /** "1 vCPU" → "1024", "2 GB" → "2048", "512" stays; null stays null. */
  private String normalize(String value, Pattern unit, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = unit.matcher(v);
    try {
      if (m.matches()) {
        return String.valueOf(Math.round(Double.parseDouble(m.group(1)) * 1024));
      }
      int n = Integer.parseInt(v);
      if (n > 0) {
        return String.valueOf(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw client("Invalid '" + field + "' setting for task: '" + value + "'");
  }

  static boolean fargatePair(int cpu, int memory) {
    return switch (cpu) {
      case 256 -> memory == 512 || memory == 1024 || memory == 2048;
      case 512 -> stepped(memory, 1024, 4096, 1024);
      case 1024 -> stepped(memory, 2048, 8192, 1024);
      case 2048 -> stepped(memory, 4096, 16384, 1024);
      case 4096 -> stepped(memory, 8192, 30720, 1024);
      case 8192 -> stepped(memory, 16384, 61440, 4096);
      case 16384 -> stepped(memory, 32768, 122880, 8192);
      default -> false;
    };
  }

  private static boolean stepped(int memory, int min, int max, int step) {
    return memory >= min && memory <= max && (memory - min) % step == 0;
  }

  /** What the task definition can run on, as DescribeTaskDefinition's {@code compatibilities} reports. */
  static List<String> compatibilities(TaskDefinition td) {
    boolean fargate = td.networkMode.equals("awsvpc") && td.cpu != null && td.memory != null
        && fargatePair(Integer.parseInt(td.cpu), Integer.parseInt(td.memory));
    return fargate ? List.of("EC2", "FARGATE") : List.of("EC2");
  }

  /**
   * The revision {@code ref} names: a family (its latest ACTIVE revision), {@code family:revision} or an ARN.
   * Throws ClientException "Invalid revision number" for a revision that is not a number.
   */
  Optional<TaskDefinition> find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    String s = ref.startsWith("arn:") ? ref.substring(ref.indexOf(":task-definition/") + 17) : ref;
    if (ref.startsWith("arn:") && !ref.contains(":task-definition/")) {
      return Optional.empty();
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return all().values().stream().filter(t -> t.family.equals(s) && t.status.equals("ACTIVE"))
          .max(Comparator.comparingInt(t -> t.revision));
    }
    String family = s.substring(0, colon);
    int revision;
    try {
      revision = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw client("Invalid revision number. Number: " + s.substring(colon + 1));
    }
    return all().values().stream().filter(t -> t.family.equals(family) && t.revision == revision).findFirst();
  }

  public TaskDefinition describe(String ref) {
    return find(ref).orElseThrow(() -> client("Unable to describe task definition."));
  }

  TaskDefinition deregister(String ref) {
    if (ref == null || (!ref.startsWith("arn:") && !ref.contains(":"))) {
      throw client("Invalid revision number. Number: " + ref);
    }
    TaskDefinition td = find(ref).orElseThrow(() -> client("The specified task definition does not exist."));
    if (td.status.equals("ACTIVE")) {
      td.status = "INACTIVE";
      td.deregisteredAt = account.now();
    }
    return td;
  }

  /** ARNs, ordered by family and revision. */
  List<String> list(String familyPrefix, String status, boolean descending) {
    String wanted = status == null ? "ACTIVE" : status;
    Comparator<TaskDefinition> order = Comparator.<TaskDefinition, String>comparing(t -> t.family)
        .thenComparingInt(t -> t.revision);
    return all().values().stream()
        .filter(t -> familyPrefix == null || t.family.startsWith(familyPrefix))
        .filter(t -> wanted.equals("ALL") || t.status.equals(wanted))
        .sorted(descending ? order.reversed() : order)
        .map(t -> t.taskDefinitionArn).toList();
  }
}
