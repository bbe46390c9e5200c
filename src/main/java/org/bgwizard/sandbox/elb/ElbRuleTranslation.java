package org.bgwizard.sandbox.elb;

import java.util.ArrayList;
import java.util.List;
import org.bgwizard.sandbox.elb.ElbListeners.ForwardAction;
import org.bgwizard.sandbox.elb.ElbRules.RuleAction;
import org.bgwizard.sandbox.elb.ElbRules.RuleView;
import org.bgwizard.sandbox.elb.ElbState.Condition;
import org.bgwizard.sandbox.elb.ElbState.Forward;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HostHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** SDK shapes of actions, rule conditions and rules to and from the ELB sandbox's state, for {@link SandboxElbClient}. */
final class ElbRuleTranslation {
  private ElbRuleTranslation() {}

  /** A listener's default actions: exactly one forward. */
  static ForwardAction forward(List<Action> actions, ElbEngine elb) {
    if (actions.size() != 1) {
      throw elb.validation("Exactly one default action must be specified; the sandbox simulates forward actions");
    }
    Action a = actions.get(0);
    if (a.type() != ActionTypeEnum.FORWARD) {
      throw elb.validation("The sandbox simulates forward actions only, not '" + a.typeAsString() + "'");
    }
    return forwardOf(a, elb);
  }

  /** A rule's actions: one forward or one fixed-response. */
  static RuleAction ruleAction(List<Action> actions, ElbEngine elb) {
    if (actions.size() != 1) {
      throw elb.validation("Exactly one action must be specified; the sandbox simulates forward and fixed-response "
          + "rule actions");
    }
    Action a = actions.get(0);
    if (a.type() == ActionTypeEnum.FIXED_RESPONSE) {
      FixedResponseActionConfig fr = a.fixedResponseConfig();
      return new RuleAction(ElbRules.FIXED_RESPONSE, null, fr == null ? null : fr.statusCode());
    }
    if (a.type() != ActionTypeEnum.FORWARD) {
      throw elb.validation("The sandbox simulates forward and fixed-response rule actions, not '"
          + a.typeAsString() + "'");
    }
    return new RuleAction(ElbRules.FORWARD, forwardOf(a, elb), null);
  }

  private static ForwardAction forwardOf(Action a, ElbEngine elb) {
    ForwardActionConfig fc = a.forwardConfig();
    if (fc == null || fc.targetGroups().isEmpty()) {
      if (a.targetGroupArn() == null) {
        throw elb.validation("A target group ARN must be specified");
      }
      return new ForwardAction(List.of(new Forward(a.targetGroupArn(), 1)), false, null);
    }
    var targets = fc.targetGroups().stream()
        .map(t -> new Forward(t.targetGroupArn(), t.weight() == null ? 1 : t.weight())).toList();
    if (a.targetGroupArn() != null && (targets.size() != 1 || !targets.get(0).targetGroupArn.equals(a.targetGroupArn()))) {
      throw elb.validation("You cannot specify multiple target groups in a forward action when TargetGroupArn is set");
    }
    TargetGroupStickinessConfig sc = fc.targetGroupStickinessConfig();
    boolean sticky = sc != null && Boolean.TRUE.equals(sc.enabled());
    return new ForwardAction(targets, sticky, sc == null ? null : sc.durationSeconds());
  }

  static Action forwardToSdk(List<Forward> forward, boolean sticky, Integer stickyDuration) {
    var config = ForwardActionConfig.builder()
        .targetGroups(forward.stream()
            .map(f -> TargetGroupTuple.builder().targetGroupArn(f.targetGroupArn).weight(f.weight).build()).toList())
        .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(sticky)
            .durationSeconds(stickyDuration).build())
        .build();
    var action = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(config).order(1);
    if (forward.size() == 1) {
      action.targetGroupArn(forward.get(0).targetGroupArn);
    }
    return action.build();
  }

  /** Conditions as the request gives them: the field's config, or the older top-level Values. */
  static List<Condition> conditions(List<RuleCondition> conditions) {
    List<Condition> out = new ArrayList<>();
    for (RuleCondition rc : conditions) {
      var c = new Condition();
      c.field = rc.field();
      if (rc.pathPatternConfig() != null) {
        c.values.addAll(rc.pathPatternConfig().values());
      } else if (rc.hostHeaderConfig() != null) {
        c.values.addAll(rc.hostHeaderConfig().values());
      } else if (rc.httpHeaderConfig() != null) {
        c.httpHeaderName = rc.httpHeaderConfig().httpHeaderName();
        c.values.addAll(rc.httpHeaderConfig().values());
      } else {
        c.values.addAll(rc.values());
      }
      out.add(c);
    }
    return out;
  }

  static Rule toSdk(RuleView v) {
    Action action = v.actionType().equals(ElbRules.FORWARD)
        ? forwardToSdk(v.forward(), v.stickinessEnabled(), v.stickinessDurationSeconds())
        : Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).order(1)
            .fixedResponseConfig(FixedResponseActionConfig.builder().statusCode(v.fixedResponseStatusCode()).build())
            .build();
    return Rule.builder().ruleArn(v.arn()).priority(v.isDefault() ? "default" : String.valueOf(v.priority()))
        .isDefault(v.isDefault()).actions(action)
        .conditions(v.conditions().stream().map(ElbRuleTranslation::toSdk).toList())
        .build();
  }

  private static RuleCondition toSdk(Condition c) {
    var b = RuleCondition.builder().field(c.field);
    switch (c.field) {
      case "path-pattern" -> b.pathPatternConfig(PathPatternConditionConfig.builder().values(c.values).build())
          .values(c.values);
      case "host-header" -> b.hostHeaderConfig(HostHeaderConditionConfig.builder().values(c.values).build())
          .values(c.values);
      default -> b.httpHeaderConfig(HttpHeaderConditionConfig.builder().httpHeaderName(c.httpHeaderName)
          .values(c.values).build());
    }
    return b.build();
  }
}
