package org.bgwizard.aws;

import java.util.List;
import java.util.Map;

/**
 * An EventBridge rule on the default bus with its targets and tags.
 *
 * @param eventPattern the pattern as JSON text, null for a scheduled rule
 * @param state ENABLED or DISABLED
 */
public record EventRuleInfo(String name, String arn, String eventPattern, String state, List<Target> targets,
    Map<String, String> tags) {

  /** A target: what the rule invokes, and the role it invokes it with. */
  public record Target(String id, String arn, String roleArn) {}

  public EventRuleInfo {
    targets = List.copyOf(targets);
    tags = Map.copyOf(tags);
  }
}
