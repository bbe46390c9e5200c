package org.bgwizard.aws;

/** An S3 bucket of this account: where it lives and whether it keeps object versions. */
public record BucketInfo(String name, String region, boolean versioned) {}
