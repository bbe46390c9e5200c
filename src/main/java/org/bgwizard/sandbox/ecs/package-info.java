/**
 * ECS on Fargate: clusters, task definitions, services, task sets and tasks with their lifecycle, the service
 * scheduler and awslogs output (Amazon ECS API Reference: RegisterTaskDefinition, TaskSet; Amazon ECS Developer
 * Guide, task lifecycle).
 */
package org.bgwizard.sandbox.ecs;
