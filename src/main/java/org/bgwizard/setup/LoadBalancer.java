package org.bgwizard.setup;

/**
 * The Application Load Balancer with a production and a test listener and the blue/green target group pair
 * (both of target type ip).
 *
 * @param existingArn null to create a new load balancer named {@code name}; otherwise the user's own
 * @param deregistrationDelaySeconds how long a deregistering target drains (AWS default 300)
 */
public record LoadBalancer(
    String existingArn,
    String name,
    int productionPort,
    int testPort,
    String targetGroup1,
    String targetGroup2,
    HealthCheck healthCheck,
    int deregistrationDelaySeconds) {

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isExisting() {
    return existingArn != null && !existingArn.isBlank();
  }

  /** Target group health check settings; the path is {@link Container#healthCheckPath()}. */
  public record HealthCheck(int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold,
      String successCodes) {}
}
