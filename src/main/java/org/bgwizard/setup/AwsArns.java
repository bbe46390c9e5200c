package org.bgwizard.setup;

import java.util.Optional;
import java.util.regex.Pattern;

/** Shapes of the ARNs a setup may refer to (resources the user brings). */
public final class AwsArns {
  private static final String PARTITION = "arn:aws[-a-z]*:";
  private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d{1,2})";
  private static final String ACCOUNT = "\\d{12}";
  private static final Pattern LOAD_BALANCER = Pattern.compile(PARTITION + "elasticloadbalancing:" + REGION + ":"
      + ACCOUNT + ":loadbalancer/app/[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?/[0-9a-f]+");
  private static final Pattern SECRET = Pattern.compile(
      PARTITION + "secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:[\\w/+=.@-]+");
  private static final Pattern SNS_TOPIC = Pattern.compile(
      PARTITION + "sns:" + REGION + ":" + ACCOUNT + ":[A-Za-z0-9_-]{1,256}(\\.fifo)?");
  private static final Pattern CONNECTION = Pattern.compile(
      PARTITION + "(?:codestar-connections|codeconnections):" + REGION + ":" + ACCOUNT + ":connection/[\\w-]+");
  private static final Pattern ROLE = Pattern.compile(PARTITION + "iam::" + ACCOUNT + ":role/[\\w+=,.@/-]+");

  private AwsArns() {}

  /** An Application Load Balancer: {@code …:loadbalancer/app/<name>/<id>}. */
  public static boolean isLoadBalancerArn(String s) {
    return matches(LOAD_BALANCER, s);
  }

  public static boolean isSecretArn(String s) {
    return matches(SECRET, s);
  }

  public static boolean isSnsTopicArn(String s) {
    return matches(SNS_TOPIC, s);
  }

  /** A CodeStar / CodeConnections connection (GitHub source). */
  public static boolean isConnectionArn(String s) {
    return matches(CONNECTION, s);
  }

  public static boolean isRoleArn(String s) {
    return matches(ROLE, s);
  }

  /** The region of a regional ARN of the load balancer kind, if {@code s} is one. */
  public static Optional<String> loadBalancerRegion(String s) {
    var m = s == null ? null : LOAD_BALANCER.matcher(s);
    return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean matches(Pattern p, String s) {
    return s != null && p.matcher(s).matches();
  }
}
