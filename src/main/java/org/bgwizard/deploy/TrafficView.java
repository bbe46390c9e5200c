package org.bgwizard.deploy;

import java.net.URI;
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

  /** The listener of {@code role} ("Production" or "Test"), null when the group has none. */
  public Route route(String role) {
    return routes.stream().filter(r -> r.role().equals(role)).findFirst().orElse(null);
  }

  /**
   * A listener ("Production" or "Test") and its forward weights by target group name, in listener order.
   *
   * @param url where the listener answers ({@code http://<load balancer DNS name>:<port>/}), null until known
   */
  public record Route(String role, String listenerArn, int port, Map<String, Integer> weights, URI url) {}

  public record TargetHealth(String id, String state) {}

  /** A listener as DescribeListeners shows it: its load balancer, protocol and weights by target group ARN. */
  public record Listener(String arn, String loadBalancerArn, String protocol, int port,
      Map<String, Integer> weightsByArn) {}
}
