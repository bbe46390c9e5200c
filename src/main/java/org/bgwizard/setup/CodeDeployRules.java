package org.bgwizard.setup;

import org.bgwizard.setup.CodeDeploy.Reroute;

/**
 * CodeDeploy application, deployment group, configuration and waits (CodeDeploy API Reference, CreateDeploymentGroup;
 * catalogue row 26).
 */
final class CodeDeployRules {
  static final int MAX_WAIT_MINUTES = 2880;

  private CodeDeployRules() {}

  static void check(CodeDeploy cd, Findings f) {
    f.name("codeDeploy.application", cd.application(), NameRule.CODEDEPLOY, "codeDeployName.invalid");
    f.name("codeDeploy.deploymentGroup", cd.deploymentGroup(), NameRule.CODEDEPLOY, "codeDeployName.invalid");
    String config = cd.deploymentConfig();
    if (f.present("codeDeploy.deploymentConfig", config)) {
      if (config.startsWith(AwsChoices.PREDEFINED_CONFIG_PREFIX)) {
        f.require(AwsChoices.ECS_DEPLOYMENT_CONFIGS.contains(config), "codeDeploy.deploymentConfig", config,
            "deploymentConfig.notEcs", Findings.join(AwsChoices.ECS_DEPLOYMENT_CONFIGS));
      } else {
        f.name("codeDeploy.deploymentConfig", config, NameRule.CODEDEPLOY, "codeDeployName.invalid");
      }
    }
    Integer wait = cd.rerouteWaitMinutes();
    if (f.present("codeDeploy.reroute", cd.reroute())) {
      if (cd.reroute() == Reroute.WAIT) {
        f.require(wait != null && wait >= 1 && wait <= MAX_WAIT_MINUTES, "codeDeploy.rerouteWaitMinutes", wait,
            "rerouteWait.range");
      } else {
        f.require(wait == null, "codeDeploy.rerouteWaitMinutes", wait, "rerouteWait.withImmediately");
      }
    }
    f.range("codeDeploy.terminationWaitMinutes", cd.terminationWaitMinutes(), 0, MAX_WAIT_MINUTES,
        "terminationWait.range");
  }
}
