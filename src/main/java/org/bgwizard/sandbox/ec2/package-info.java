/**
 * EC2 networking: the default VPC of a new account, subnets, route tables, internet gateways, security groups and
 * their rules, with EC2s Describe filters (Amazon EC2 API Reference). Implements
 * {@link org.bgwizard.sandbox.core.Ports.Network}.
 */
package org.bgwizard.sandbox.ec2;
