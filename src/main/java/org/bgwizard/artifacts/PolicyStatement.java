package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** One statement of an IAM policy document, as far as preflight needs it. */
record PolicyStatement(boolean allow, List<String> actions, List<String> resources, List<String> services,
    List<String> passedToService, JsonPointer at) {

  static List<PolicyStatement> of(JsonNode document) {
    JsonNode statement = document.path("Statement");
    JsonPointer at = JsonPointer.compile("/Statement");
    if (statement.isObject()) {
      return List.of(parse(statement, at));
    }
    var result = new ArrayList<PolicyStatement>();
    for (int i = 0; i < statement.size(); i++) {
      result.add(parse(statement.get(i), at.appendIndex(i)));
    }
    return result;
  }

  private static PolicyStatement parse(JsonNode s, JsonPointer at) {
    var passedToService = new ArrayList<String>();
    s.path("Condition").forEach(operator -> operator.properties().stream()
        .filter(c -> c.getKey().equalsIgnoreCase("iam:PassedToService"))
        .forEach(c -> passedToService.addAll(texts(c.getValue()))));
    return new PolicyStatement(s.path("Effect").asText().equals("Allow"), texts(s.path("Action")),
        texts(s.path("Resource")), texts(s.path("Principal").path("Service")), passedToService, at);
  }

  boolean allows(String action) {
    return allow && actions.stream().anyMatch(a -> wildcard(a, action, true));
  }

  /** IAM's wildcards: {@code *} any characters, {@code ?} one character. */
  static boolean wildcard(String pattern, String value, boolean ignoreCase) {
    var regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
  }

  /** The {@code index}-th colon-separated field of an ARN pattern (4 = account), or {@code *} when it has none. */
  static String arnField(String arn, int index) {
    String[] fields = arn.split(":", -1);
    return fields.length > index ? fields[index] : "*";
  }

  private static List<String> texts(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (node.isValueNode()) {
      return List.of(node.asText());
    }
    return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
  }
}
