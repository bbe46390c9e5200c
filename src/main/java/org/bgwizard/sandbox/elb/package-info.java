/**
 * Elastic Load Balancing v2: application load balancers, listeners with weighted forward actions, target groups,
 * target registration and health checks (ELB API Reference: CreateTargetGroup, TargetHealth; Amazon ECS Developer
 * Guide, "Creating a service using a blue/green deployment").
 */
package org.bgwizard.sandbox.elb;
