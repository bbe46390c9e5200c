package org.bgwizard.deploy;

/** The writes that steer an ECS built-in blue/green deployment, one AWS API call each. */
public interface NativeDeploymentCommands {
  /** ECS ContinueServiceDeployment with the paused hook's id and CONTINUE or ROLLBACK. */
  void continueServiceDeployment(String serviceDeploymentArn, String hookId, boolean rollback);

  /** ECS StopServiceDeployment with stopType ROLLBACK. */
  void stopServiceDeployment(String serviceDeploymentArn);
}
