package org.bgwizard.aws;

/** A CloudWatch Logs group; {@code retentionDays} null means kept forever. */
public record LogGroupInfo(String name, String arn, Integer retentionDays) {}
