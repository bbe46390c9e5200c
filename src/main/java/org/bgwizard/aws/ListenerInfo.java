package org.bgwizard.aws;

import java.util.Map;

/**
 * A load balancer listener.
 *
 * @param forwards the target groups its default action forwards to, with their weights (CodeDeploy moves them)
 */
public record ListenerInfo(String arn, String loadBalancerArn, int port, String protocol, Map<String, Integer> forwards) {
  public ListenerInfo {
    forwards = Map.copyOf(forwards);
  }
}
