package org.bgwizard.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Wildcards;

/**
 * IAM policy documents: the checks IAM makes when one is stored (MalformedPolicyDocument texts as IAM words
 * them; the wording of rarer ones is unverified), and the evaluation used when another service acts with a
 * role. Evaluation covers Allow/Deny, Action/NotAction and Resource with {@code *}/{@code ?} wildcards, and
 * the String condition operators (plus IfExists) on the context keys given; any other condition is false.
 */
public final class IamPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");
  private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

  enum Effect { ALLOW, DENY, NONE }

  private IamPolicy() {}

  /** Why IAM would reject {@code document}, or empty when it is acceptable. */
  static Optional<String> problem(String document, boolean trustPolicy) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return Optional.of("Syntax errors in policy.");
    }
    if (root == null || !root.isObject() || !root.has("Statement")) {
      return Optional.of("Syntax errors in policy.");
    }
    JsonNode version = root.get("Version");
    if (version != null && !List.of("2012-10-17", "2008-10-17").contains(version.asText())) {
      return Optional.of("The policy must contain a valid version string");
    }
    for (JsonNode s : asList(root.get("Statement"))) {
      Optional<String> p = statementProblem(s, trustPolicy);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> statementProblem(JsonNode s, boolean trustPolicy) {
    if (!s.isObject()) {
      return Optional.of("Syntax errors in policy.");
    }
    String effect = s.path("Effect").asText("");
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      return Optional.of(effect.isEmpty() ? "Missing required field Effect" : "Invalid effect: " + effect);
    }
    if (!s.has("Action") && !s.has("NotAction")) {
      return Optional.of("Policy statement must contain actions.");
    }
    for (String a : strings(s.has("Action") ? s.get("Action") : s.get("NotAction"))) {
      if (!ACTION.matcher(a).matches()) {
        return Optional.of("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
      }
      if (trustPolicy && !a.toLowerCase(Locale.ROOT).startsWith("sts:") && !a.equals("*")) {
        return Optional.of("AssumeRolepolicy contained an invalid action");
      }
    }
    if (trustPolicy) {
      if (s.has("Resource") || s.has("NotResource")) {
        return Optional.of("Has prohibited field Resource");
      }
      if (!s.has("Principal") && !s.has("NotPrincipal")) {
        return Optional.of("Missing required field Principal");
      }
      for (String service : strings(s.path("Principal").path("Service"))) {
        if (!SERVICE_PRINCIPAL.matcher(service).matches()) {
          return Optional.of("Invalid principal in policy: \"SERVICE\":\"" + service + "\"");
        }
      }
    } else {
      if (s.has("Principal") || s.has("NotPrincipal")) {
        return Optional.of("Policy document should not specify a principal.");
      }
      if (!s.has("Resource") && !s.has("NotResource")) {
        return Optional.of("Policy statement must contain resources.");
      }
    }
    return Optional.empty();
  }

  /**
   * What the identity policies say about {@code action} on {@code resource}; {@code context} maps lower-case
   * condition keys to their values. Deny wins over Allow; NONE is the implicit deny.
   */
  static Effect evaluate(List<String> documents, String action, String resource, Map<String, String> context) {
    Effect result = Effect.NONE;
    for (String doc : documents) {
      for (JsonNode s : asList(parse(doc).get("Statement"))) {
        if (actionMatches(s, action) && resourceMatches(s, resource) && conditionsHold(s.get("Condition"), context)) {
          if (s.path("Effect").asText().equals("Deny")) {
            return Effect.DENY;
          }
          result = Effect.ALLOW;
        }
      }
    }
    return result;
  }

  /** Whether the trust policy lets {@code servicePrincipal} call sts:AssumeRole (an explicit Deny wins). */
  static boolean trusts(String trustPolicy, String servicePrincipal, Map<String, String> context) {
    boolean allowed = false;
    for (JsonNode s : asList(parse(trustPolicy).get("Statement"))) {
      if (!s.has("Principal") || !principalMatches(s.get("Principal"), servicePrincipal)
          || !actionMatches(s, "sts:AssumeRole") || !conditionsHold(s.get("Condition"), context)) {
        continue;
      }
      if (s.path("Effect").asText().equals("Deny")) {
        return false;
      }
      allowed = true;
    }
    return allowed;
  }

  private static boolean principalMatches(JsonNode principal, String service) {
    if (principal.isTextual()) {
      return principal.asText().equals("*");
    }
    return strings(principal.path("Service")).contains(service) || strings(principal.path("AWS")).contains("*");
  }

  private static boolean actionMatches(JsonNode s, String action) {
    if (s.has("NotAction")) {
      return strings(s.get("NotAction")).stream().noneMatch(p -> Wildcards.matches(p, action, true));
    }
    return strings(s.get("Action")).stream().anyMatch(p -> Wildcards.matches(p, action, true));
  }

  private static boolean resourceMatches(JsonNode s, String resource) {
    if (s.has("NotResource")) {
      return strings(s.get("NotResource")).stream().noneMatch(p -> Wildcards.matches(p, resource, false));
    }
    return strings(s.get("Resource")).stream().anyMatch(p -> Wildcards.matches(p, resource, false));
  }

  private static boolean conditionsHold(JsonNode condition, Map<String, String> context) {
    if (condition == null) {
      return true;
    }
    for (var op : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
      for (var key : (Iterable<Map.Entry<String, JsonNode>>) op.getValue()::fields) {
        if (!conditionHolds(op.getKey(), context.get(key.getKey().toLowerCase(Locale.ROOT)),
            strings(key.getValue()))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean conditionHolds(String operator, String value, List<String> expected) {
    boolean ifExists = operator.endsWith("IfExists");
    String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    if (value == null) {
      return ifExists;
    }
    return switch (base) {
      case "StringEquals" -> expected.contains(value);
      case "StringEqualsIgnoreCase" -> expected.stream().anyMatch(value::equalsIgnoreCase);
      case "StringLike" -> expected.stream().anyMatch(p -> Wildcards.matches(p, value, false));
      case "StringNotEquals" -> !expected.contains(value);
      case "StringNotLike" -> expected.stream().noneMatch(p -> Wildcards.matches(p, value, false));
      default -> false;
    };
  }

  private static JsonNode parse(String document) {
    try {
      return JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored policy document does not parse", e);
    }
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : asList(node)) {
      if (!n.isMissingNode() && !n.isNull()) {
        out.add(n.asText());
      }
    }
    return out;
  }
}
