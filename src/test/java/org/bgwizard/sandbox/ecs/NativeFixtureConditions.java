package org.bgwizard.sandbox.ecs;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** Listener rule conditions for the ECS blue/green tests. */
final class NativeFixtureConditions {
  private NativeFixtureConditions() {}

  static RuleCondition path(String... values) {
    return RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(values)).build();
  }
}
