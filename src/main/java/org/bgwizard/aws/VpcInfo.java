package org.bgwizard.aws;

/** A VPC; {@code name} is its Name tag, or null. */
public record VpcInfo(String id, String cidr, boolean isDefault, String name) {}
