package org.bgwizard.aws;

import java.util.Map;

/**
 * A listener rule other than the default one.
 *
 * @param forwards the target groups its forward action sends to, with their weights (ECS moves them in an ecs-native
 *     deployment); empty when its action is not a forward
 * @param actionTypes the types of all its actions (forward, redirect, fixed-response, authenticate-…)
 */
public record ListenerRuleInfo(String arn, String listenerArn, String priority, Map<String, Integer> forwards,
    java.util.List<String> actionTypes) {
  public ListenerRuleInfo {
    forwards = Map.copyOf(forwards);
    actionTypes = java.util.List.copyOf(actionTypes);
  }
}
