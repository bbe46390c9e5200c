package org.bgwizard.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's reads of an ECS built-in blue/green service: its configuration, its service deployments (a finished
 * one is read once) and the weights of its listener rules.
 */
final class NativeReads {
  private static final int HISTORY = 5;
  private final DeploymentTarget.EcsService service;
  private final NativeDeploymentReader reader;
  private final Map<String, NativeDeployment> finished = new HashMap<>();
  private NativeConfig config;
  private List<String> arns = List.of();
  private NativeDeployment current;
  private List<NativeDeployment> history = List.of();

  NativeReads(DeploymentTarget.EcsService service, NativeDeploymentReader reader) {
    this.service = service;
    this.reader = reader;
  }

  GroupConfig readConfig() {
    config = reader.nativeService(service.cluster(), service.service());
    return config.asGroup();
  }

  boolean deploying() {
    return current != null && !current.terminal();
  }

  void readCurrent() {
    current = describe(List.of(current.arn())).getOrDefault(current.arn(), current);
  }

  /** The service's deployments; the latest is read again when new, or when {@code refreshCurrent} and unfinished. */
  void readDeployments(boolean refreshCurrent) {
    List<String> read = reader.serviceDeploymentArns(service.cluster(), service.service());
    boolean changed = !read.equals(arns);
    arns = read;
    if (arns.isEmpty()) {
      current = null;
      history = List.of();
      return;
    }
    List<String> older = arns.subList(1, Math.min(arns.size(), HISTORY + 1));
    List<String> wanted = new ArrayList<>();
    if (changed || current == null || (refreshCurrent && !current.terminal())) {
      wanted.add(arns.get(0));
    }
    if (changed) {
      wanted.addAll(older);
    }
    Map<String, NativeDeployment> got = describe(wanted);
    current = got.getOrDefault(arns.get(0), current);
    if (changed) {
      history = older.stream().map(got::get).filter(d -> d != null).toList();
    }
  }

  /** One DescribeServiceDeployments for those not finished yet (at most 20 ARNs: 1 + {@value #HISTORY}). */
  private Map<String, NativeDeployment> describe(List<String> wanted) {
    Map<String, NativeDeployment> out = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String arn : wanted) {
      if (finished.containsKey(arn)) {
        out.put(arn, finished.get(arn));
      } else {
        unknown.add(arn);
      }
    }
    if (!unknown.isEmpty()) {
      for (NativeDeployment d : reader.serviceDeployments(unknown)) {
        out.put(d.arn(), d);
        if (d.terminal()) {
          finished.put(d.arn(), d);
        }
      }
    }
    return out;
  }

  /** The forward weights of the production or test rule on {@code listenerArn}, by target group ARN. */
  Map<String, Integer> ruleWeights(String listenerArn) {
    String rule = config.ruleOf(listenerArn);
    return rule == null ? Map.of() : reader.ruleWeights(rule);
  }

  NativeView view() {
    return config == null ? null : new NativeView(config, current, history);
  }
}
