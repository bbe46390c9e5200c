package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template must be for CloudFormation to take it, checked on the parsed YAML: every {@code Ref},
 * {@code Fn::GetAtt} and {@code ${…}} of {@code Fn::Sub} names a parameter, a pseudo parameter or a resource (and a
 * GetAtt an attribute of its type), {@code DependsOn} names resources, the references form no cycle, and every
 * resource matches its type's schema ({@link ResourceSchemas}).
 */
final class TemplateChecks {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private TemplateChecks() {}

  static JsonNode parse(String yaml) throws Exception {
    return YAML.readTree(yaml);
  }

  /** Every problem found; empty when the template is sound. */
  static List<String> problems(JsonNode template) {
    var out = new ArrayList<String>();
    JsonNode resources = template.path("Resources");
    Set<String> parameters = new HashSet<>();
    template.path("Parameters").fieldNames().forEachRemaining(parameters::add);
    Map<String, Set<String>> edges = new HashMap<>();
    for (Iterator<String> it = resources.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      JsonNode resource = resources.get(id);
      String type = resource.path("Type").asText();
      out.addAll(ResourceSchemas.problems(type, resource.path("Properties")).stream()
          .map(p -> id + ": " + p).toList());
      Set<String> uses = new LinkedHashSet<>();
      references(resource.path("Properties"), resources, parameters, id, uses, out);
      for (JsonNode dep : resource.path("DependsOn")) {
        if (!resources.has(dep.asText())) {
          out.add(id + ": DependsOn " + dep.asText() + " is not a resource");
        }
        uses.add(dep.asText());
      }
      edges.put(id, uses);
    }
    references(template.path("Outputs"), resources, parameters, "Outputs", new HashSet<>(), out);
    cycle(edges).ifPresent(c -> out.add("cycle: " + c));
    return out;
  }

  private static void references(JsonNode node, JsonNode resources, Set<String> parameters, String where,
      Set<String> uses, List<String> out) {
    if (node.isObject()) {
      if (node.has("Ref")) {
        String name = node.get("Ref").asText();
        if (resources.has(name)) {
          uses.add(name);
        } else if (!parameters.contains(name) && !name.startsWith("AWS::")) {
          out.add(where + ": Ref " + name + " names nothing");
        }
      }
      if (node.has("Fn::GetAtt")) {
        String name = node.get("Fn::GetAtt").get(0).asText();
        String attribute = node.get("Fn::GetAtt").get(1).asText();
        getAtt(name, attribute, resources, where, uses, out);
      }
      if (node.has("Fn::Sub")) {
        Matcher m = SUB_VARIABLE.matcher(node.get("Fn::Sub").asText());
        while (m.find()) {
          String[] variable = m.group(1).split("\\.", 2);
          if (variable.length == 2) {
            getAtt(variable[0], variable[1], resources, where, uses, out);
          } else if (resources.has(variable[0])) {
            uses.add(variable[0]);
          } else if (!parameters.contains(variable[0]) && !variable[0].startsWith("AWS::")) {
            out.add(where + ": ${" + variable[0] + "} names nothing");
          }
        }
      }
      node.forEach(child -> references(child, resources, parameters, where, uses, out));
    } else if (node.isArray()) {
      node.forEach(child -> references(child, resources, parameters, where, uses, out));
    }
  }

  private static void getAtt(String name, String attribute, JsonNode resources, String where, Set<String> uses,
      List<String> out) {
    if (!resources.has(name)) {
      out.add(where + ": GetAtt " + name + "." + attribute + " names no resource");
      return;
    }
    uses.add(name);
    String type = resources.get(name).path("Type").asText();
    if (!ResourceSchemas.hasAttribute(type, attribute)) {
      out.add(where + ": " + type + " has no attribute " + attribute);
    }
  }

  private static java.util.Optional<String> cycle(Map<String, Set<String>> edges) {
    Map<String, Integer> state = new HashMap<>();
    for (String start : edges.keySet()) {
      var path = new ArrayList<String>();
      if (visit(start, edges, state, path)) {
        return java.util.Optional.of(String.join(" -> ", path));
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean visit(String node, Map<String, Set<String>> edges, Map<String, Integer> state,
      List<String> path) {
    int s = state.getOrDefault(node, 0);
    if (s == 2) {
      return false;
    }
    path.add(node);
    if (s == 1) {
      return true;
    }
    state.put(node, 1);
    for (String next : edges.getOrDefault(node, Set.of())) {
      if (visit(next, edges, state, path)) {
        return true;
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return false;
  }
}
