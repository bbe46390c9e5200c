package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation resource schemas kept in {@code src/test/resources/cloudformation/schemas} (source and version
 * in that folder's README), and a check of a resource's properties against its type's schema.
 */
final class ResourceSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FILES = List.of("iam-role", "ecr-repository", "ec2-securitygroup",
      "logs-loggroup", "s3-bucket", "elasticloadbalancingv2-targetgroup", "elasticloadbalancingv2-loadbalancer",
      "elasticloadbalancingv2-listener", "elasticloadbalancingv2-listenerrule", "ecs-cluster", "ecs-taskdefinition", "ecs-service", "codedeploy-application",
      "codedeploy-deploymentgroup", "codebuild-project", "codecommit-repository", "codepipeline-pipeline",
      "events-rule", "codestarconnections-connection", "codeconnections-connection", "sns-topic", "sns-subscription");
  private static final Map<String, JsonNode> BY_TYPE = load();

  private ResourceSchemas() {}

  static Optional<JsonNode> of(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  /** The property paths of {@code props} the type does not declare, and the required ones it lacks. */
  static List<String> problems(String type, JsonNode props) {
    JsonNode schema = BY_TYPE.get(type);
    var out = new ArrayList<String>();
    if (schema == null) {
      out.add("unknown resource type " + type);
      return out;
    }
    check(schema, schema, props, type, out);
    return out;
  }

  /** Whether {@code attribute} is one {@code Fn::GetAtt} can read: a read-only property of the type. */
  static boolean hasAttribute(String type, String attribute) {
    JsonNode schema = BY_TYPE.get(type);
    if (schema == null) {
      return false;
    }
    for (JsonNode p : schema.path("readOnlyProperties")) {
      if (p.asText().equals("/properties/" + attribute.replace('.', '/'))) {
        return true;
      }
    }
    return false;
  }

  private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> out) {
    schema = resolve(root, schema);
    if (isIntrinsic(value)) {
      return;
    }
    if (value.isArray() && schema.has("items")) {
      int i = 0;
      for (JsonNode item : value) {
        check(root, schema.get("items"), item, path + "[" + i++ + "]", out);
      }
      return;
    }
    if (!value.isObject() || !schema.has("properties")) {
      return;
    }
    JsonNode declared = schema.get("properties");
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (declared.has(name)) {
        check(root, declared.get(name), value.get(name), path + "." + name, out);
      } else if (!schema.has("patternProperties")) {
        out.add(path + "." + name + " is not a property of " + path);
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(path + " lacks the required " + required.asText());
      }
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      schema = root.at(ref.substring(1));
    }
    return schema;
  }

  static boolean isIntrinsic(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return false;
    }
    String key = value.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  private static Map<String, JsonNode> load() {
    var map = new HashMap<String, JsonNode>();
    for (String file : FILES) {
      try (InputStream in = ResourceSchemas.class.getResourceAsStream("/cloudformation/schemas/" + file + ".json")) {
        JsonNode schema = JSON.readTree(in);
        map.put(schema.get("typeName").asText(), schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return map;
  }
}
