package org.bgwizard.setup;

/**
 * CodeDeploy application and deployment group.
 *
 * @param deploymentConfig e.g. {@code CodeDeployDefault.ECSAllAtOnce}
 * @param reroute reroute production traffic as soon as green is ready, or wait for a person
 * @param rerouteWaitMinutes with {@link Reroute#WAIT}: how long to wait before the deployment stops;
 *     must be null with {@link Reroute#IMMEDIATELY} (catalogue row 26)
 * @param terminationWaitMinutes how long the original (blue) task set stays up after rerouting (0–2880)
 */
public record CodeDeploy(String application, String deploymentGroup, String deploymentConfig, Reroute reroute,
    Integer rerouteWaitMinutes, int terminationWaitMinutes, boolean autoRollback) {

  public enum Reroute { IMMEDIATELY, WAIT }
}
