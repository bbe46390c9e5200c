/**
 * Elastic Load Balancing v2: application load balancers, listeners with weighted forward actions, listener rules
 * (priorities, path-pattern / host-header / http-header conditions, forward with weights or fixed-response; the
 * default rule; requests routed by the first matching rule, else the default action), target groups, target
 * registration and health checks (ELB API Reference: CreateTargetGroup, TargetHealth, CreateRule, DescribeRules,
 * ModifyRule, DeleteRule, SetRulePriorities; "Listener rules for your Application Load Balancer"; Amazon ECS Developer
 * Guide, "Creating a service using a blue/green deployment", "Application Load Balancer resources for blue/green
 * deployments").
 */
package org.bgwizard.sandbox.elb;
