package org.bgwizard.provision.steps;

import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.EcsNative;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;

/**
 * The ecs-native setup a CodeDeploy setup becomes: the tutorial's native defaults, with what the CodeDeploy group
 * decided kept where ECS has the same knob. The reroute wait becomes the PAUSE hook's timeout, and automatic
 * rollback its ROLLBACK action ("Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green deployments":
 * "You must create new lifecycle hooks").
 */
public final class MigrationSpec {
  private MigrationSpec() {}

  public static SetupSpec toNative(SetupSpec spec) {
    if (spec.strategy() != Strategy.CODEDEPLOY) {
      throw new IllegalArgumentException("The setup " + spec.name() + " already has the strategy "
          + spec.strategy().id() + "; only a codedeploy setup can move to ecs-native");
    }
    var defaults = SpecDefaults.tutorial(spec.name(), spec.region(), Strategy.ECS_NATIVE).ecsNative();
    CodeDeploy cd = spec.codeDeploy();
    Integer pause = cd != null && cd.reroute() == CodeDeploy.Reroute.WAIT && cd.rerouteWaitMinutes() != null
        ? cd.rerouteWaitMinutes() : defaults.pauseTimeoutMinutes();
    var onTimeout = cd == null || cd.autoRollback() ? EcsNative.TimeoutAction.ROLLBACK
        : EcsNative.TimeoutAction.CONTINUE;
    var ecsNative = new EcsNative(defaults.shift(), defaults.stepPercent(), defaults.stepBakeMinutes(),
        defaults.bakeTimeMinutes(), true, pause, onTimeout, defaults.infrastructureRole(),
        defaults.deploymentTimeoutMinutes());
    var r = spec.roles();
    return spec.withStrategy(Strategy.ECS_NATIVE).withCodeDeploy(null).withEcsNative(ecsNative)
        .withRoles(new Roles(r.taskExecution(), null, r.codeBuild(), r.codePipeline()));
  }
}
