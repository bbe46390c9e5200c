package org.bgwizard.sandbox.elb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bgwizard.sandbox.core.Ports;

/**
 * {@link Ports.LoadBalancing}: target groups, listener rules and targets as ECS uses them, and listeners as CodeDeploy
 * shifts their weights, answered by the ELB engine.
 */
public final class ElbLoadBalancing implements Ports.LoadBalancing {
  private final ElbEngine elb;

  public ElbLoadBalancing(ElbEngine elb) {
    this.elb = elb;
  }

  @Override
  public Set<String> loadBalancerArnsOf(String targetGroupArn) {
    return elb.loadBalancerArnsOf(targetGroupArn);
  }

  @Override
  public Optional<Rule> rule(String ruleArn) {
    return elb.ruleInfo(ruleArn).map(r -> new Rule(r.arn(), r.listenerArn(), r.loadBalancerArn(), r.isDefault(),
        r.actionType(), r.forward().stream().map(w -> new Weight(w.targetGroupArn(), w.weight())).toList()));
  }

  @Override
  public void setRuleWeights(String ruleArn, List<Weight> weights) {
    elb.setRuleWeights(ruleArn, weights.stream()
        .map(w -> new ElbEngine.TargetGroupWeight(w.targetGroupArn(), w.weight())).toList());
  }

  @Override
  public Optional<TargetGroup> targetGroup(String arn) {
    return elb.targetGroupInfo(arn).map(t -> new TargetGroup(t.arn(), t.name(), t.targetType(), t.port(), t.vpcId(),
        t.inUse()));
  }

  @Override
  public void endpoints(Function<String, Optional<Endpoint>> probe) {
    elb.targets().endpoints(ip -> probe.apply(ip)
        .map(e -> new ElbTargets.Endpoint(e.securityGroups(), e.behaviour(), e.ports())));
  }

  @Override
  public void observer(HealthObserver observer) {
    elb.targets().observer((tg, t) -> observer.healthDecided(tg, t.id, t.port, t.state, t.description));
  }

  @Override
  public void registerTask(String targetGroupArn, String ip, int port, String availabilityZone) {
    elb.targets().registerTask(targetGroupArn, ip, port, availabilityZone);
  }

  @Override
  public Instant deregisterTask(String targetGroupArn, String ip, int port) {
    return elb.targets().deregisterTask(targetGroupArn, ip, port);
  }

  @Override
  public Optional<Health> stateOf(String targetGroupArn, String ip, int port) {
    return elb.targets().stateOf(targetGroupArn, ip, port).map(v -> new Health(v.state(), v.reason(),
        v.description()));
  }

  @Override
  public Optional<Listener> listener(String listenerArn) {
    return elb.listenerInfo(listenerArn).map(l -> new Listener(l.arn(), l.loadBalancerArn(), l.port(),
        l.forward().stream().map(w -> new Weight(w.targetGroupArn(), w.weight())).toList()));
  }

  @Override
  public void setListenerWeights(String listenerArn, List<Weight> weights) {
    elb.setForwardWeights(listenerArn, weights.stream()
        .map(w -> new ElbEngine.TargetGroupWeight(w.targetGroupArn(), w.weight())).toList());
  }

  @Override
  public Optional<String> targetGroupArnByName(String name) {
    return elb.targetGroupArnByName(name);
  }
}
