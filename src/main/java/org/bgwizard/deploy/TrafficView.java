package org.bgwizard.deploy;

import java.util.List;
import java.util.Map;

/** Where the listeners send traffic, and how healthy each target group's targets are. */
public record TrafficView(List<Route> routes, Map<String, List<TargetHealth>> health, long running, long desired) {
  public TrafficView {
    routes = List.copyOf(routes);
    health = Map.copyOf(health);
  }

  public static TrafficView empty() {
    return new TrafficView(List.of(), Map.of(), 0, 0);
  }

  /** A listener ("Production" or "Test") and its forward weights by target group name, in listener order. */
  public record Route(String role, String listenerArn, int port, Map<String, Integer> weights) {}

  public record TargetHealth(String id, String state) {}

  /** A listener as DescribeListeners shows it: weights by target group ARN. */
  public record Listener(String arn, int port, Map<String, Integer> weightsByArn) {}
}
