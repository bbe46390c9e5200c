package org.bgwizard.aws;

import java.util.List;

/**
 * A target group.
 *
 * @param targetType {@code ip}, {@code instance}, {@code lambda} or {@code alb}; Fargate tasks need {@code ip}
 * @param lbArns the load balancers whose listeners or rules forward to it
 */
public record TargetGroupInfo(String arn, String name, String targetType, int port, String vpcId, List<String> lbArns,
    String protocol, String healthCheckPath) {

  public TargetGroupInfo {
    lbArns = List.copyOf(lbArns);
  }
}
