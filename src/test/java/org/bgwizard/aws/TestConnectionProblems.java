package org.bgwizard.aws;

/** ConnectionProblems as the AWS layer raises them, for UI tests outside this package. */
public final class TestConnectionProblems {
  private TestConnectionProblems() {}

  public static ConnectionProblem ssoExpired(String profile) {
    return new ConnectionProblem(ConnectionProblem.Kind.SSO_EXPIRED, null, profile);
  }
}
