package org.bgwizard.artifacts;

import java.util.Objects;

/**
 * Where a setup is deployed: the AWS account and region. The partition and DNS suffix follow from the region
 * (China and GovCloud regions live in their own partitions).
 */
public record Target(String accountId, String region) {

  public Target {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("An AWS account id is 12 digits, got '" + accountId + "'");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("region is empty");
    }
  }

  /** {@code aws}, {@code aws-cn} for {@code cn-*} regions, {@code aws-us-gov} for {@code us-gov-*} regions. */
  public String partition() {
    return partitionOf(region);
  }

  /** {@code amazonaws.com}, or {@code amazonaws.com.cn} in China. */
  public String dnsSuffix() {
    return dnsSuffixOf(region);
  }

  /** The private ECR registry host, e.g. {@code 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com}. */
  public String ecrRegistry() {
    return accountId + ".dkr.ecr." + region + "." + dnsSuffix();
  }

  public static String partitionOf(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  public static String dnsSuffixOf(String region) {
    return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  }
}
