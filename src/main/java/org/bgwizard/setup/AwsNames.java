package org.bgwizard.setup;

import java.util.regex.Pattern;

/** AWS naming rules (the services' API References) as null-safe predicates the validator and the UI share. */
public final class AwsNames {
  private static final Pattern SETUP = Pattern.compile("[a-z][a-z0-9-]{0,22}[a-z0-9]");
  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9]{0,9}");
  private static final Pattern SNS_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern REGION = Pattern.compile(
      "[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d{1,2}");
  private static final Pattern ECS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern ECR = Pattern.compile(
      "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern ELB = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
  private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final Pattern CODEBUILD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
  private static final Pattern CODECOMMIT = Pattern.compile("[\\w.-]{1,100}");
  private static final Pattern PIPELINE = Pattern.compile("[A-Za-z0-9.@\\-_]{1,100}");
  private static final Pattern IAM_ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  private static final Pattern VPC = Pattern.compile("vpc-[0-9a-f]{8,17}");
  private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
  private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
  private static final Pattern GIT_FORBIDDEN = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]");

  private AwsNames() {}

  /** A setup name seeds the other names, so it is short and lowercase (S3 and ECR need lowercase). */
  public static boolean isSetupName(String s) {
    return matches(SETUP, s);
  }

  /**
   * An environment name: appended to the setup's names, so lowercase letters and digits (S3 and ECR need lowercase;
   * no hyphen, which would make {@code a-b} ambiguous), at most 10 characters.
   */
  public static boolean isEnvironmentName(String s) {
    return matches(ENVIRONMENT, s);
  }

  /** An SNS topic name (Amazon SNS API Reference, CreateTopic: up to 256 letters, digits, hyphens, underscores). */
  public static boolean isSnsTopicName(String s) {
    return matches(SNS_TOPIC, s);
  }

  /** An address an SNS e-mail subscription can take: something@domain.tld, no spaces. */
  public static boolean isEmail(String s) {
    return matches(EMAIL, s);
  }

  public static boolean isRegion(String s) {
    return matches(REGION, s);
  }

  /** Cluster, service, task family and container names. */
  public static boolean isEcsName(String s) {
    return matches(ECS, s);
  }

  public static boolean isEcrRepositoryName(String s) {
    return s != null && s.length() >= 2 && s.length() <= 256 && matches(ECR, s);
  }

  public static boolean isLoadBalancerName(String s) {
    return isTargetGroupName(s) && !s.startsWith("internal-");
  }

  public static boolean isTargetGroupName(String s) {
    return matches(ELB, s);
  }

  public static boolean isLogGroupName(String s) {
    return matches(LOG_GROUP, s) && !s.startsWith("aws/");
  }

  /** CodeDeploy application, deployment group and deployment configuration names. */
  public static boolean isCodeDeployName(String s) {
    return s != null && !s.isEmpty() && s.length() <= 100;
  }

  public static boolean isCodeBuildProjectName(String s) {
    return matches(CODEBUILD, s);
  }

  public static boolean isCodeCommitRepositoryName(String s) {
    return matches(CODECOMMIT, s);
  }

  /** Pipeline, stage and action names. */
  public static boolean isPipelineName(String s) {
    return matches(PIPELINE, s);
  }

  public static boolean isIamRoleName(String s) {
    return matches(IAM_ROLE, s);
  }

  public static boolean isEnvironmentVariableName(String s) {
    return matches(ENV_VAR, s);
  }

  public static boolean isS3BucketName(String s) {
    return matches(S3_BUCKET, s) && !s.contains("..") && !IP_LIKE.matcher(s).matches()
        && !s.startsWith("xn--") && !s.startsWith("sthree-") && !s.startsWith("amzn-s3-demo-")
        && !s.endsWith("-s3alias") && !s.endsWith("--ol-s3") && !s.endsWith(".mrap") && !s.endsWith("--x-s3");
  }

  public static boolean isVpcId(String s) {
    return matches(VPC, s);
  }

  public static boolean isSubnetId(String s) {
    return matches(SUBNET, s);
  }

  public static boolean isIpv4Cidr(String s) {
    var m = s == null ? null : CIDR.matcher(s);
    if (m == null || !m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return Integer.parseInt(m.group(5)) <= 32;
  }

  /** GitHub's {@code owner/repo}. */
  public static boolean isFullRepositoryId(String s) {
    return matches(GITHUB_REPO, s);
  }

  /** A branch name git accepts ({@code git check-ref-format --branch}). */
  public static boolean isGitBranch(String s) {
    return s != null && !s.isEmpty() && !GIT_FORBIDDEN.matcher(s).find() && !s.contains("..")
        && !s.contains("@{") && !s.contains("//") && !s.equals("@") && !s.startsWith("/") && !s.startsWith("-")
        && !s.endsWith("/") && !s.endsWith(".") && !s.endsWith(".lock") && !s.startsWith(".")
        && !s.contains("/.");
  }

  private static boolean matches(Pattern p, String s) {
    return s != null && p.matcher(s).matches();
  }
}
