package org.bgwizard.aws;

/** An AWS CodeConnections connection: {@code status} is PENDING, AVAILABLE or ERROR. */
public record ConnectionInfo(String arn, String name, String providerType, String status) {
  public boolean available() {
    return "AVAILABLE".equals(status);
  }
}
