package org.bgwizard.aws;

import java.util.List;

/**
 * A target group.
 *
 * @param targetType {@code ip}, {@code instance}, {@code lambda} or {@code alb}; Fargate tasks need {@code ip}
 * @param lbArns the load balancers whose listeners or rules forward to it
 * @param healthCheck its health check as ModifyTargetGroup changes it in place
 * @param deregistrationDelaySeconds its deregistration delay attribute; null when it was not read
 */
public record TargetGroupInfo(String arn, String name, String targetType, int port, String vpcId, List<String> lbArns,
    String protocol, String healthCheckPath, HealthCheck healthCheck, Integer deregistrationDelaySeconds) {

  /** The health check's settings besides its path; null where AWS gave none. */
  public record HealthCheck(Integer intervalSeconds, Integer timeoutSeconds, Integer healthyThreshold,
      Integer unhealthyThreshold, String successCodes) {}

  public TargetGroupInfo {
    lbArns = List.copyOf(lbArns);
  }

  public TargetGroupInfo(String arn, String name, String targetType, int port, String vpcId, List<String> lbArns,
      String protocol, String healthCheckPath, HealthCheck healthCheck) {
    this(arn, name, targetType, port, vpcId, lbArns, protocol, healthCheckPath, healthCheck, null);
  }

  public TargetGroupInfo withDeregistrationDelay(Integer seconds) {
    return new TargetGroupInfo(arn, name, targetType, port, vpcId, lbArns, protocol, healthCheckPath, healthCheck,
        seconds);
  }
}
