/**
 * CodeDeploy for ECS: applications, deployment groups, deployment configurations, AppSpec files and the blue/green
 * deployment lifecycle with traffic shifting, reroute wait, rollback and termination (CodeDeploy API Reference;
 * CodeDeploy User Guide, "What happens during an Amazon ECS deployment"; Amazon ECS Developer Guide, "Blue/green
 * deployment with CodeDeploy"). {@link org.bgwizard.sandbox.codedeploy.SandboxDeployer} is the
 * {@link org.bgwizard.sandbox.core.Ports.Deployer} a pipeline deploy action uses.
 */
package org.bgwizard.sandbox.codedeploy;
