package org.bgwizard.aws;

/** Who the calls run as (STS GetCallerIdentity); {@code simulated} marks the sandbox's made-up account. */
public record Identity(String account, String arn, boolean simulated) {}
