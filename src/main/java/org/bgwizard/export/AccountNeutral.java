package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.bgwizard.artifacts.Target;
import org.bgwizard.setup.SetupSpec;

/**
 * The artifacts apply uses are generated for a placeholder account, and every string naming it becomes
 * {@code Fn::Sub} with {@code ${AWS::AccountId}}: the template carries the very documents apply makes, and deploys
 * into any account.
 */
final class AccountNeutral {
  /** No AWS account has this id; it only marks where the stack's account goes. */
  static final String ACCOUNT = "000000000000";

  private AccountNeutral() {}

  static Target target(SetupSpec spec) {
    return new Target(ACCOUNT, spec.region());
  }

  /**
   * A copy of {@code node}: a string equal to a key of {@code exact} becomes its value; a string naming the
   * placeholder account becomes {@code Fn::Sub}; any other node stays as it is.
   */
  static JsonNode resolve(JsonNode node, Map<String, JsonNode> exact) {
    if (node.isTextual()) {
      String text = node.asText();
      if (exact.containsKey(text)) {
        return exact.get(text).deepCopy();
      }
      if (text.contains(ACCOUNT)) {
        return Cfn.sub(text.replace("${", "${!").replace(ACCOUNT, "${AWS::AccountId}"));
      }
      return node;
    }
    if (node.isArray()) {
      ArrayNode copy = Cfn.array();
      node.forEach(item -> copy.add(resolve(item, exact)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = Cfn.object();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), exact)));
      return copy;
    }
    return node.deepCopy();
  }
}
