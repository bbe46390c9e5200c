package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template built as data: parameters, resources in dependency-friendly order, outputs. {@link #yaml} writes it with
 * a comment line above each resource naming the wizard page it comes from (a YAML tree has no comments, so each
 * block is written on its own).
 */
public record CloudFormationTemplate(String description, Map<String, ObjectNode> parameters,
    List<TemplateResource> resources, Map<String, ObjectNode> outputs) {

  public static final String FORMAT_VERSION = "2010-09-09";

  public CloudFormationTemplate {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    resources = List.copyOf(resources);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  public Optional<TemplateResource> resource(String logicalId) {
    return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }

  /**
   * This template with only the resources {@code keep} names and no outputs, as an import takes it: a
   * {@code DependsOn} on a resource left out is dropped (the stages of the pipeline name those by text).
   */
  CloudFormationTemplate onlyResources(Set<String> keep, String newDescription) {
    List<TemplateResource> kept = resources.stream().filter(r -> keep.contains(r.logicalId()))
        .map(r -> new TemplateResource(r.logicalId(), r.type(), r.page(), r.properties(),
            r.dependsOn().stream().filter(keep::contains).toList(), r.journalRef()))
        .toList();
    return new CloudFormationTemplate(newDescription, parameters, kept, Map.of());
  }

  /** The whole template as one tree; the resources in {@code retained} get {@code DeletionPolicy: Retain}. */
  public ObjectNode tree(Set<String> retained) {
    ObjectNode root = Cfn.object();
    root.put("AWSTemplateFormatVersion", FORMAT_VERSION);
    root.put("Description", description);
    if (!parameters.isEmpty()) {
      ObjectNode params = root.putObject("Parameters");
      parameters.forEach(params::set);
    }
    ObjectNode res = root.putObject("Resources");
    resources.forEach(r -> res.set(r.logicalId(), r.body(retained.contains(r.logicalId()))));
    if (!outputs.isEmpty()) {
      ObjectNode outs = root.putObject("Outputs");
      outputs.forEach(outs::set);
    }
    return root;
  }

  /** YAML with {@code header} as comment lines on top and each resource's wizard page above it. */
  public String yaml(List<String> header, Set<String> retained) {
    var out = new StringBuilder();
    header.forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
    ObjectNode top = Cfn.object();
    top.put("AWSTemplateFormatVersion", FORMAT_VERSION);
    top.put("Description", description);
    out.append(TemplateYaml.write(top));
    if (!parameters.isEmpty()) {
      out.append("Parameters:\n");
      parameters.forEach((name, body) -> block(out, null, name, body));
    }
    out.append("Resources:\n");
    for (TemplateResource r : resources) {
      block(out, "Wizard page: " + r.page(), r.logicalId(), r.body(retained.contains(r.logicalId())));
    }
    if (!outputs.isEmpty()) {
      out.append("Outputs:\n");
      outputs.forEach((name, body) -> block(out, null, name, body));
    }
    return out.toString();
  }

  private static void block(StringBuilder out, String comment, String name, JsonNode body) {
    if (comment != null) {
      out.append("  # ").append(comment).append('\n');
    }
    ObjectNode one = Cfn.object();
    one.set(name, body);
    for (String line : TemplateYaml.write(one).split("\n")) {
      out.append("  ").append(line).append('\n');
    }
  }
}
