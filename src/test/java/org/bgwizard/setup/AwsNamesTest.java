package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each name rule with values at and just past its limits; the validator tests cover how rules become problems. */
class AwsNamesTest {
  private static final Map<String, Predicate<String>> RULES = Map.ofEntries(
      Map.entry("setup", AwsNames::isSetupName),
      Map.entry("region", AwsNames::isRegion),
      Map.entry("ecs", AwsNames::isEcsName),
      Map.entry("ecr", AwsNames::isEcrRepositoryName),
      Map.entry("lb", AwsNames::isLoadBalancerName),
      Map.entry("tg", AwsNames::isTargetGroupName),
      Map.entry("logGroup", AwsNames::isLogGroupName),
      Map.entry("codeBuild", AwsNames::isCodeBuildProjectName),
      Map.entry("codeCommit", AwsNames::isCodeCommitRepositoryName),
      Map.entry("pipeline", AwsNames::isPipelineName),
      Map.entry("role", AwsNames::isIamRoleName),
      Map.entry("env", AwsNames::isEnvironmentVariableName),
      Map.entry("s3", AwsNames::isS3BucketName),
      Map.entry("vpc", AwsNames::isVpcId),
      Map.entry("subnet", AwsNames::isSubnetId),
      Map.entry("cidr", AwsNames::isIpv4Cidr),
      Map.entry("github", AwsNames::isFullRepositoryId),
      Map.entry("branch", AwsNames::isGitBranch),
      Map.entry("elbArn", AwsArns::isLoadBalancerArn),
      Map.entry("secretArn", AwsArns::isSecretArn),
      Map.entry("snsArn", AwsArns::isSnsTopicArn),
      Map.entry("connectionArn", AwsArns::isConnectionArn),
      Map.entry("roleArn", AwsArns::isRoleArn));

  static Stream<Arguments> accepted() {
    return Stream.of(
        a("setup", "ab"), a("setup", "a".repeat(24)), a("setup", "my-app-2"),
        a("region", "us-east-1"), a("region", "ap-northeast-1"), a("region", "us-gov-west-1"), a("region", "il-central-1"),
        a("ecs", "a"), a("ecs", "A_b-" + "c".repeat(251)),
        a("ecr", "ab"), a("ecr", "team/app"), a("ecr", "a__b.c--d"), a("ecr", "a".repeat(256)),
        a("lb", "a"), a("lb", "a".repeat(32)), a("lb", "my-internal-alb"),
        a("tg", "internal-tg"),
        a("logGroup", "/ecs/demo"), a("logGroup", "/aws/ecs/x"), a("logGroup", "a".repeat(512)),
        a("codeBuild", "ab"), a("codeBuild", "1-build_x"), a("codeBuild", "a".repeat(150)),
        a("codeCommit", "a"), a("codeCommit", "my.repo_1-x"), a("codeCommit", "r".repeat(100)),
        a("pipeline", "p.@-_1"), a("pipeline", "p".repeat(100)),
        a("role", "r+=,.@_-"), a("role", "r".repeat(64)),
        a("env", "_"), a("env", "A1_b"),
        a("s3", "abc"), a("s3", "my.bucket-1"), a("s3", "b".repeat(63)),
        a("vpc", "vpc-0a1b2c3d"), a("vpc", "vpc-0a1b2c3d4e5f67890"),
        a("subnet", "subnet-0a1b2c3d"),
        a("cidr", "0.0.0.0/0"), a("cidr", "255.255.255.255/32"), a("cidr", "203.0.113.0/24"),
        a("github", "my-org/my.app_1"),
        a("branch", "main"), a("branch", "feature/x-1"), a("branch", "v1.2"),
        a("elbArn", BrokenSpecs.ELB_ARN), a("elbArn", BrokenSpecs.ELB_ARN.replace("arn:aws:", "arn:aws-cn:")),
        a("secretArn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/dockerhub-a1B2c3"),
        a("snsArn", BrokenSpecs.TOPIC_ARN), a("snsArn", BrokenSpecs.TOPIC_ARN + ".fifo"),
        a("connectionArn", BrokenSpecs.CONNECTION_ARN),
        a("connectionArn", BrokenSpecs.CONNECTION_ARN.replace("codeconnections", "codestar-connections")),
        a("roleArn", "arn:aws-us-gov:iam::123456789012:role/path/to/role"));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        a("setup", null), a("setup", "a"), a("setup", "a".repeat(25)), a("setup", "ab-"), a("setup", "-ab"),
        a("setup", "2ab"), a("setup", "aB"),
        a("region", "us-east"), a("region", "us-east-1a"), a("region", "mars-east-1"),
        a("ecs", ""), a("ecs", "a".repeat(256)), a("ecs", "a.b"),
        a("ecr", "a"), a("ecr", "a".repeat(257)), a("ecr", "A"), a("ecr", "a/"), a("ecr", "-a"), a("ecr", "a..b"),
        a("ecr", "a___b"),
        a("lb", ""), a("lb", "a".repeat(33)), a("lb", "a-"), a("lb", "internal-alb"), a("lb", "a_b"),
        a("tg", "-tg"),
        a("logGroup", ""), a("logGroup", "aws/x"), a("logGroup", "a".repeat(513)), a("logGroup", "a:b"),
        a("codeBuild", "a"), a("codeBuild", "_ab"), a("codeBuild", "a".repeat(151)),
        a("codeCommit", ""), a("codeCommit", "r".repeat(101)), a("codeCommit", "a b"),
        a("pipeline", ""), a("pipeline", "p".repeat(101)), a("pipeline", "a/b"),
        a("role", ""), a("role", "r".repeat(65)), a("role", "a/b"),
        a("env", ""), a("env", "1A"), a("env", "A-B"),
        a("s3", "ab"), a("s3", "b".repeat(64)), a("s3", "My-bucket"), a("s3", "a..b"), a("s3", "10.0.0.1"),
        a("s3", "-ab"), a("s3", "ab."), a("s3", "sthree-x"), a("s3", "amzn-s3-demo-x"), a("s3", "x-s3alias"),
        a("s3", "x--ol-s3"), a("s3", "x.mrap"),
        a("vpc", "vpc-0a1b2c3"), a("vpc", "vpc-0a1b2c3d4e5f678901"), a("vpc", "VPC-0a1b2c3d"),
        a("subnet", "subnet-0a1b2c3g"),
        a("cidr", "10.0.0.0"), a("cidr", "10.0.0.256/8"), a("cidr", "10.0.0.0/33"), a("cidr", "10.0.0/8"),
        a("github", "app"), a("github", "org/"), a("github", "a/b/c"),
        a("branch", ""), a("branch", "a b"), a("branch", "a..b"), a("branch", "a/"), a("branch", "a.lock"),
        a("branch", "a."), a("branch", ".a"), a("branch", "a/.b"), a("branch", "a//b"), a("branch", "@"),
        a("branch", "a~1"), a("branch", "a^"), a("branch", "a?"), a("branch", "a*"), a("branch", "a[b"),
        a("branch", "a\\b"), a("branch", "/a"),
        a("elbArn", BrokenSpecs.ELB_ARN.replace("123456789012", "12345")),
        a("elbArn", BrokenSpecs.ELB_ARN.replace("/app/", "/net/")),
        a("secretArn", "arn:aws:secretsmanager:eu-west-1:123456789012:dockerhub"),
        a("snsArn", "arn:aws:sns:us-east-1:123456789012:a b"),
        a("connectionArn", "arn:aws:codestar:us-east-1:123456789012:connection/x"),
        a("roleArn", "arn:aws:iam::123456789012:policy/x"), a("roleArn", "arn:aws:iam:us-east-1:123456789012:role/x"));
  }

  private static Arguments a(String rule, String value) {
    return Arguments.of(rule, value);
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("accepted")
  void rule_acceptsValidValue(String rule, String value) {
    assertTrue(RULES.get(rule).test(value));
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("rejected")
  void rule_rejectsInvalidValue(String rule, String value) {
    assertFalse(RULES.get(rule).test(value));
  }
}
