package org.bgwizard.sandbox.elb;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.elb.ElbState.Forward;
import org.bgwizard.sandbox.elb.ElbState.Listener;
import org.bgwizard.sandbox.elb.ElbState.LoadBalancer;
import org.bgwizard.sandbox.elb.ElbState.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;

/** Listeners of application load balancers and their forward actions (ELB API Reference: CreateListener etc.). */
final class ElbListeners {
  private final SandboxAccount account;
  private final ElbEngine elb;

  ElbListeners(SandboxAccount account, ElbEngine elb) {
    this.account = account;
    this.elb = elb;
  }

  /** A forward action: target groups with weights, and target group stickiness. */
  record ForwardAction(List<Forward> targets, boolean stickinessEnabled, Integer stickinessDurationSeconds) {}

  Listener createListener(String loadBalancerArn, String protocol, Integer port, ForwardAction action,
      Map<String, String> tags) {
    LoadBalancer lb = elb.loadBalancer(loadBalancerArn);
    checkListenerProtocol(protocol);
    if (port == null) {
      throw elb.validation("A listener port must be specified");
    }
    elb.checkPort("port", port);
    checkForward(action, lb, "defaultActions");
    for (Listener l : elb.st().listeners.values()) {
      if (l.loadBalancerArn.equals(loadBalancerArn) && l.port == port) {
        if (l.protocol.equals(protocol) && sameForward(l, action)) {
          return l;
        }
        throw elb.error(DuplicateListenerException.builder(), "DuplicateListener",
            "A listener already exists on this port for this load balancer '" + loadBalancerArn + "'");
      }
    }
    var l = new Listener();
    l.arn = elb.arnPrefix() + "listener/app/" + lb.name + "/" + lb.arn.substring(lb.arn.lastIndexOf('/') + 1) + "/"
        + account.ids().hex(16);
    l.loadBalancerArn = loadBalancerArn;
    l.protocol = protocol;
    l.port = port;
    setAction(l, action);
    l.tags.putAll(tags);
    elb.st().listeners.put(l.arn, l);
    elb.targets().trafficChanged();
    return l;
  }

  private void checkListenerProtocol(String protocol) {
    if (protocol == null) {
      throw elb.validation("A listener protocol must be specified");
    }
    if (protocol.equals("HTTPS")) {
      throw elb.validation("A certificate must be specified for HTTPS listeners; the sandbox simulates HTTP listeners");
    }
    if (!protocol.equals("HTTP")) {
      throw elb.validation("Protocol '" + protocol + "' is not supported by application load balancers");
    }
  }

  private static boolean sameForward(Listener l, ForwardAction a) {
    if (l.forward.size() != a.targets().size()) {
      return false;
    }
    for (int i = 0; i < l.forward.size(); i++) {
      Forward x = l.forward.get(i);
      Forward y = a.targets().get(i);
      if (!x.targetGroupArn.equals(y.targetGroupArn) || x.weight != y.weight) {
        return false;
      }
    }
    return l.stickinessEnabled == a.stickinessEnabled();
  }

  /** {@code field} names the request member in validation messages: defaultActions or actions. */
  void checkForward(ForwardAction action, LoadBalancer lb, String field) {
    if (action.targets().isEmpty()) {
      throw elb.validation("A target group ARN must be specified");
    }
    Set<String> seen = new HashSet<>();
    for (Forward f : action.targets()) {
      TargetGroup tg = elb.targetGroup(f.targetGroupArn);
      if (!seen.add(f.targetGroupArn)) {
        throw elb.validation("Target group '" + f.targetGroupArn + "' is specified more than once in the forward action");
      }
      if (f.weight < 0 || f.weight > 999) {
        throw elb.validation("1 validation error detected: Value '" + f.weight
            + "' at '" + field + ".1.member.forwardConfig.targetGroups.1.member.weight' failed to satisfy "
            + "constraint: Member must have value " + (f.weight < 0 ? "greater than or equal to 0"
                : "less than or equal to 999"));
      }
      if (!tg.vpcId.equals(lb.vpcId)) {
        throw elb.error(InvalidConfigurationRequestException.builder(), "InvalidConfigurationRequest",
            "The target group '" + tg.arn + "' is not in the same VPC as the load balancer");
      }
      if (elb.loadBalancerArnsOf(tg.arn).stream().anyMatch(other -> !other.equals(lb.arn))) {
        throw elb.error(TargetGroupAssociationLimitException.builder(), "TargetGroupAssociationLimit",
            "The following target groups cannot be associated with more than one load balancer: " + tg.arn);
      }
    }
    if (action.stickinessDurationSeconds() != null) {
      elb.range("stickinessDurationSeconds", action.stickinessDurationSeconds(), 1, 604800, 0);
    }
  }

  private static void setAction(Listener l, ForwardAction action) {
    l.forward.clear();
    for (Forward f : action.targets()) {
      l.forward.add(new Forward(f.targetGroupArn, f.weight));
    }
    l.stickinessEnabled = action.stickinessEnabled();
    l.stickinessDurationSeconds = action.stickinessDurationSeconds();
  }

  Listener listener(String arn) {
    Listener l = elb.st().listeners.get(arn);
    if (l == null) {
      throw elb.error(ListenerNotFoundException.builder(), "ListenerNotFound", "One or more listeners not found");
    }
    return l;
  }

  List<Listener> describeListeners(String loadBalancerArn, List<String> arns) {
    if (loadBalancerArn == null && arns.isEmpty()) {
      throw elb.validation("You must specify either listener ARNs or a load balancer ARN");
    }
    if (!arns.isEmpty()) {
      return arns.stream().map(this::listener).toList();
    }
    elb.loadBalancer(loadBalancerArn);
    return elb.st().listeners.values().stream().filter(l -> l.loadBalancerArn.equals(loadBalancerArn)).toList();
  }

  Listener modifyListener(String arn, String protocol, Integer port, ForwardAction action) {
    Listener l = listener(arn);
    LoadBalancer lb = elb.loadBalancer(l.loadBalancerArn);
    if (protocol != null) {
      checkListenerProtocol(protocol);
    }
    if (port != null) {
      elb.checkPort("port", port);
      for (Listener other : elb.st().listeners.values()) {
        if (other != l && other.loadBalancerArn.equals(l.loadBalancerArn) && other.port == port) {
          throw elb.error(DuplicateListenerException.builder(), "DuplicateListener",
              "A listener already exists on this port for this load balancer '" + l.loadBalancerArn + "'");
        }
      }
    }
    if (action != null) {
      checkForward(action, lb, "defaultActions");
    }
    if (protocol != null) {
      l.protocol = protocol;
    }
    if (port != null) {
      l.port = port;
    }
    if (action != null) {
      setAction(l, action);
    }
    elb.targets().trafficChanged();
    return l;
  }

  /** Its rules go with it (ELB API Reference, DeleteListener). */
  void deleteListener(String arn) {
    listener(arn);
    elb.st().rules.values().removeIf(r -> r.listenerArn.equals(arn));
    elb.st().listeners.remove(arn);
  }
}
