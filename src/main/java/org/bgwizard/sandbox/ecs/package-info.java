/**
 * ECS on Fargate: clusters, task definitions, services, task sets and tasks with their lifecycle, the service
 * scheduler and awslogs output (Amazon ECS API Reference: RegisterTaskDefinition, TaskSet; Amazon ECS Developer
 * Guide, task lifecycle). Built-in blue/green (BLUE_GREEN, LINEAR, CANARY strategies with the ECS controller): the
 * settings and their checks at CreateService (API Reference: DeploymentConfiguration, DeploymentLifecycleHook,
 * AdvancedConfiguration; Developer Guide: "Amazon ECS blue/green deployments", "Application Load Balancer resources
 * for blue/green deployments", "Pause hooks for Amazon ECS service deployments"); the first deployment runs on the
 * service's target group with the listener rules at 100/0. UpdateService with a new task definition runs a service
 * deployment through its lifecycle stages, moving the test and production rules' weights, holding at PAUSE hooks,
 * baking, cleaning up or rolling back ({@link org.bgwizard.sandbox.ecs.EcsServiceDeployments}; ListServiceDeployments,
 * DescribeServiceDeployments, ContinueServiceDeployment, StopServiceDeployment). UpdateService moves a service from
 * CODE_DEPLOY to ECS (not during a deployment), never to CODE_DEPLOY ("Update service parameters"; "Migrate CodeDeploy
 * blue/green deployments to Amazon ECS blue/green deployments").
 */
package org.bgwizard.sandbox.ecs;
