package org.bgwizard.setup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** For every validation rule, the tutorial spec with exactly that one field broken, and the problem it must give. */
final class BrokenSpecs {
  static final SetupSpec BASE = SpecDefaults.tutorial("demo", "us-east-1");

  /** One broken field: the edits that break it, and the field and message key the validator must report. */
  record Broken(String field, String key, Object[] edits) {
    SetupSpec spec() {
      return SpecEdits.edit(BASE, edits);
    }

    @Override
    public String toString() {
      String shown = Arrays.stream(edits).map(String::valueOf)
          .map(s -> s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s)
          .collect(Collectors.joining(" "));
      return field + " " + key + " <- " + shown;
    }
  }

  private BrokenSpecs() {}

  static Map<String, Object> subnet(String id, String zone) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", id);
    m.put("availabilityZone", zone);
    return m;
  }

  static final List<Map<String, Object>> TWO_SUBNETS = List.of(
      subnet("subnet-0a1b2c3d", "us-east-1a"), subnet("subnet-0a1b2c3e4f5a6b7c8", "us-east-1b"));
  static final String ELB_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188";
  static final String CONNECTION_ARN =
      "arn:aws:codeconnections:us-east-1:123456789012:connection/8a0e1a3c-1f7d-4e4b-9c5e-0123456789ab";
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:approvals";

  private static Broken b(String field, String key, Object... edits) {
    return new Broken(field, key, edits);
  }

  private static Map<String, String> entries(int count, String prefix) {
    var m = new HashMap<String, String>();
    IntStream.range(0, count).forEach(i -> m.put(prefix + i, "v"));
    return m;
  }

  static Stream<Broken> all() {
    return Stream.of(top(), network(), container(), repository(), loadBalancer(), ecs(), codeDeploy(), ecsNative(), codeBuild(),
        source(), pipeline(), roles(), tags(), environments()).flatMap(s -> s);
  }

  static Stream<Broken> top() {
    return Stream.of(
        b("formatVersion", "formatVersion.unsupported", "formatVersion", 2),
        b("name", "missing", "name", null),
        b("name", "missing", "name", "  "),
        b("name", "setupName.invalid", "name", "d"),
        b("name", "setupName.invalid", "name", "a".repeat(25)),
        b("name", "setupName.invalid", "name", "Demo"),
        b("name", "setupName.invalid", "name", "1demo"),
        b("name", "setupName.invalid", "name", "demo-"),
        b("name", "setupName.invalid", "name", "my_app"),
        b("region", "missing", "region", null),
        b("region", "region.invalid", "region", "us-east"),
        b("region", "region.invalid", "region", "US-EAST-1"),
        b("region", "region.invalid", "region", "tokyo"),
        b("region", "region.invalid", "region", "us-esat-1"),
        b("network", "missing", "network", null),
        b("container", "missing", "container", null),
        b("repository", "missing", "repository", null),
        b("loadBalancer", "missing", "loadBalancer", null),
        b("ecs", "missing", "ecs", null),
        b("codeDeploy", "missing", "codeDeploy", null),
        b("codeBuild", "missing", "codeBuild", null),
        b("source", "missing", "source", null),
        b("pipeline", "missing", "pipeline", null),
        b("roles", "missing", "roles", null));
  }

  static Stream<Broken> network() {
    return Stream.of(
        b("network.vpcId", "vpcId.invalid", "network.vpcId", "vpc-123", "network.subnets", TWO_SUBNETS),
        b("network.vpcId", "vpcId.invalid", "network.vpcId", "vpc-0A1B2C3D", "network.subnets", TWO_SUBNETS),
        b("network.subnets[1].id", "subnetId.invalid",
            "network.subnets", List.of(subnet("subnet-0a1b2c3d", null), subnet("sub-1", null))),
        b("network.subnets[0].id", "missing",
            "network.subnets", List.of(subnet(null, null), subnet("subnet-0a1b2c3d", null))),
        b("network.subnets[1].id", "subnet.duplicate",
            "network.subnets", List.of(subnet("subnet-0a1b2c3d", "us-east-1a"), subnet("subnet-0a1b2c3d", "us-east-1b"))),
        b("network.subnets", "subnets.tooFew", "network.vpcId", "vpc-0a1b2c3d", "network.subnets", List.of()),
        b("network.subnets", "subnets.tooFew", "network.subnets", List.of(subnet("subnet-0a1b2c3d", "us-east-1a"))),
        b("network.subnets", "subnets.oneAz", "network.vpcId", "vpc-0a1b2c3d",
            "network.subnets", List.of(subnet("subnet-0a1b2c3d", "us-east-1a"), subnet("subnet-0a1b2c3e", "us-east-1a"))),
        b("network.subnets", "subnets.sameAz", "network.vpcId", "vpc-0a1b2c3d", "network.subnets",
            List.of(subnet("subnet-0a1b2c3d", "us-east-1a"), subnet("subnet-0a1b2c3e", "us-east-1a"),
                subnet("subnet-0a1b2c3f", "us-east-1b"))),
        b("network.ingressCidr", "missing", "network.ingressCidr", null),
        b("network.ingressCidr", "cidr.invalid", "network.ingressCidr", "0.0.0.0"),
        b("network.ingressCidr", "cidr.invalid", "network.ingressCidr", "256.0.0.0/8"),
        b("network.ingressCidr", "cidr.invalid", "network.ingressCidr", "10.0.0.0/33"),
        b("network.ingressCidr", "cidr.invalid", "network.ingressCidr", "::/0"));
  }

  static Stream<Broken> container() {
    return Stream.of(
        b("container.name", "missing", "container.name", null),
        b("container.name", "ecsName.invalid", "container.name", "my app"),
        b("container.name", "ecsName.invalid", "container.name", "a".repeat(256)),
        b("container.port", "port.invalid", "container.port", 0),
        b("container.port", "port.invalid", "container.port", 65536),
        b("container.cpu", "fargate.cpu", "container.cpu", 300),
        b("container.memory", "fargate.memory", "container.memory", 4096),
        b("container.memory", "fargate.memory", "container.cpu", 4096, "container.memory", 4096),
        b("container.architecture", "missing", "container.architecture", null),
        b("container.environment", "env.name.invalid", "container.environment", Map.of("1ST", "x")),
        b("container.environment", "env.name.invalid", "container.environment", Map.of("MY-VAR", "x")),
        b("container.environment.MODE", "env.value.whitespace", "container.environment", Map.of("MODE", "prod ")),
        b("container.environment.MODE", "env.value.whitespace", "container.environment", Map.of("MODE", "\tprod")),
        b("container.environment.MODE", "missing", "container.environment", singleNull("MODE")),
        b("container.environment", "env.tooMany", "container.environment", entries(101, "V")),
        b("container.healthCheckPath", "missing", "container.healthCheckPath", ""),
        b("container.healthCheckPath", "healthCheckPath.invalid", "container.healthCheckPath", "health"),
        b("container.healthCheckPath", "healthCheckPath.invalid", "container.healthCheckPath", "/my page"),
        b("container.healthCheckPath", "healthCheckPath.invalid", "container.healthCheckPath", "/" + "a".repeat(1024)),
        b("container.initialImage", "missing", "container.initialImage", " "),
        b("container.initialImage", "image.tooLong", "container.initialImage", "public.ecr.aws/" + "a".repeat(250)),
        b("container.initialImage", "image.unqualified", "container.initialImage", "nginx:latest"),
        b("container.initialImage", "image.unqualified", "container.initialImage", "demo"),
        b("container.initialImage", "image.unqualified", "container.initialImage", "library/nginx:1.27"));
  }

  private static Map<String, String> singleNull(String key) {
    var m = new HashMap<String, String>();
    m.put(key, null);
    return m;
  }

  static Stream<Broken> repository() {
    return Stream.of(
        b("repository.name", "missing", "repository.name", null),
        b("repository.name", "ecrName.invalid", "repository.name", "d"),
        b("repository.name", "ecrName.invalid", "repository.name", "Demo"),
        b("repository.name", "ecrName.invalid", "repository.name", "demo/"),
        b("repository.name", "ecrName.invalid", "repository.name", "demo..x"),
        b("repository.keepImages", "repository.keepImages", "repository.keepImages", 0),
        b("repository.keepImages", "repository.keepImages", "repository.keepImages", 1001));
  }

  static Stream<Broken> loadBalancer() {
    String lb = "loadBalancer.";
    String hc = "loadBalancer.healthCheck.";
    return Stream.of(
        b(lb + "existingArn", "elbArn.invalid", lb + "existingArn",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg-1/50dc6c495c0c9188"),
        b(lb + "existingArn", "elbArn.invalid", lb + "existingArn",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-nlb/50dc6c495c0c9188"),
        b(lb + "existingArn", "elbArn.otherRegion", lb + "existingArn", ELB_ARN.replace("us-east-1", "eu-west-1")),
        b(lb + "name", "missing", lb + "name", null),
        b(lb + "name", "lbName.invalid", lb + "name", "-alb"),
        b(lb + "name", "lbName.invalid", lb + "name", "demo-alb-"),
        b(lb + "name", "lbName.invalid", lb + "name", "a".repeat(33)),
        b(lb + "name", "lbName.invalid", lb + "name", "demo_alb"),
        b(lb + "name", "lbName.internalPrefix", lb + "name", "internal-demo"),
        b(lb + "targetGroup1", "missing", lb + "targetGroup1", null),
        b(lb + "targetGroup1", "tgName.invalid", lb + "targetGroup1", "t".repeat(40)),
        b(lb + "targetGroup2", "tgName.invalid", lb + "targetGroup2", "demo_tg_2"),
        b(lb + "targetGroup2", "tgName.same", lb + "targetGroup2", "demo-tg-1"),
        b(lb + "targetGroup2", "tgName.same", lb + "targetGroup2", "DEMO-TG-1"),
        b(lb + "productionPort", "port.invalid", lb + "productionPort", 0),
        b(lb + "testPort", "port.invalid", lb + "testPort", 70000),
        b(lb + "testPort", "lbPort.same", lb + "testPort", 80),
        b(lb + "healthCheck", "missing", lb + "healthCheck", null),
        b(hc + "intervalSeconds", "healthCheck.interval", hc + "intervalSeconds", 301),
        b(hc + "intervalSeconds", "healthCheck.interval", hc + "intervalSeconds", 4, hc + "timeoutSeconds", 2),
        b(hc + "timeoutSeconds", "healthCheck.timeout", hc + "timeoutSeconds", 1),
        b(hc + "timeoutSeconds", "healthCheck.timeout", hc + "intervalSeconds", 300, hc + "timeoutSeconds", 121),
        b(hc + "timeoutSeconds", "healthCheck.timeoutNotBelowInterval", hc + "timeoutSeconds", 15),
        b(hc + "healthyThreshold", "healthCheck.threshold", hc + "healthyThreshold", 1),
        b(hc + "unhealthyThreshold", "healthCheck.threshold", hc + "unhealthyThreshold", 11),
        b(hc + "successCodes", "missing", hc + "successCodes", null),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "ok"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "200-600"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "399-200"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "200,"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "100"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "200,500"),
        b(hc + "successCodes", "healthCheck.successCodes", hc + "successCodes", "200, 302"),
        b(lb + "deregistrationDelaySeconds", "lb.deregistrationDelay", lb + "deregistrationDelaySeconds", -1),
        b(lb + "deregistrationDelaySeconds", "lb.deregistrationDelay", lb + "deregistrationDelaySeconds", 3601));
  }

  static Stream<Broken> ecs() {
    return Stream.of(
        b("ecs.cluster", "missing", "ecs.cluster", null),
        b("ecs.cluster", "ecsName.invalid", "ecs.cluster", "demo cluster"),
        b("ecs.service", "ecsName.invalid", "ecs.service", "s".repeat(256)),
        b("ecs.taskFamily", "ecsName.invalid", "ecs.taskFamily", "demo:task"),
        b("ecs.desiredCount", "ecs.desiredCountZero", "ecs.desiredCount", 0),
        b("ecs.desiredCount", "ecs.desiredCount", "ecs.desiredCount", -1),
        b("ecs.desiredCount", "ecs.desiredCount", "ecs.desiredCount", 101),
        b("ecs.healthCheckGracePeriodSeconds", "ecs.healthCheckGracePeriod", "ecs.healthCheckGracePeriodSeconds", -1),
        b("ecs.logGroup", "missing", "ecs.logGroup", null),
        b("ecs.logGroup", "logGroup.awsPrefix", "ecs.logGroup", "aws/ecs/demo"),
        b("ecs.logGroup", "logGroup.invalid", "ecs.logGroup", "/ecs/my demo"),
        b("ecs.logGroup", "logGroup.invalid", "ecs.logGroup", "/" + "g".repeat(512)),
        b("ecs.logRetentionDays", "logRetention.invalid", "ecs.logRetentionDays", 2),
        b("ecs.logRetentionDays", "logRetention.invalid", "ecs.logRetentionDays", 0));
  }

  /** The edits that make the tutorial an ecs-native one, then {@code more}. */
  private static Object[] nativeWith(Object... more) {
    var edits = new java.util.ArrayList<Object>(Arrays.asList("strategy", "ecs-native", "codeDeploy",
        null, "roles.codeDeploy", null, "ecsNative",
        SpecDefaults.tutorial("demo", "us-east-1", Strategy.ECS_NATIVE).ecsNative()));
    edits.addAll(Arrays.asList(more));
    return edits.toArray();
  }

  static Stream<Broken> ecsNative() {
    String n = "ecsNative.";
    return Stream.of(
        b("ecsNative", "missing", nativeWith("ecsNative", null)),
        b("ecsNative", "strategy.sectionUnused", "ecsNative",
            SpecDefaults.tutorial("demo", "us-east-1", Strategy.ECS_NATIVE).ecsNative()),
        b("codeDeploy", "strategy.sectionUnused", nativeWith("codeDeploy", BASE.codeDeploy())),
        b(n + "shift", "missing", nativeWith(n + "shift", null)),
        b(n + "stepPercent", "shift.fieldUnused", nativeWith(n + "stepPercent", 10)),
        b(n + "stepPercent", "stepPercent.range", nativeWith(n + "shift", "LINEAR", n + "stepPercent", 2,
            n + "stepBakeMinutes", 1)),
        b(n + "stepBakeMinutes", "stepBake.range", nativeWith(n + "shift", "CANARY", n + "stepPercent", 5,
            n + "stepBakeMinutes", 1441)),
        b(n + "bakeTimeMinutes", "bakeTime.range", nativeWith(n + "bakeTimeMinutes", 1441)),
        b(n + "pauseTimeoutMinutes", "pauseTimeout.range", nativeWith(n + "pauseTimeoutMinutes", 20161)),
        b(n + "onPauseTimeout", "pause.fieldUnused", nativeWith(n + "pauseBeforeProduction", false,
            n + "pauseTimeoutMinutes", null)),
        b(n + "deploymentTimeoutMinutes", "deploymentTimeout.range", nativeWith(n + "deploymentTimeoutMinutes", 61)),
        b(n + "infrastructureRole.name", "roleName.invalid", nativeWith(n + "infrastructureRole.name", "a b")));
  }

  static Stream<Broken> codeDeploy() {
    String cd = "codeDeploy.";
    return Stream.of(
        b(cd + "application", "missing", cd + "application", null),
        b(cd + "application", "codeDeployName.invalid", cd + "application", "a".repeat(101)),
        b(cd + "deploymentGroup", "codeDeployName.invalid", cd + "deploymentGroup", "g".repeat(101)),
        b(cd + "deploymentConfig", "missing", cd + "deploymentConfig", null),
        b(cd + "deploymentConfig", "deploymentConfig.notEcs", cd + "deploymentConfig", "CodeDeployDefault.OneAtATime"),
        b(cd + "deploymentConfig", "deploymentConfig.notEcs", cd + "deploymentConfig", "CodeDeployDefault.Mine"),
        b(cd + "deploymentConfig", "codeDeployName.invalid", cd + "deploymentConfig", "c".repeat(101)),
        b(cd + "reroute", "missing", cd + "reroute", null),
        b(cd + "rerouteWaitMinutes", "rerouteWait.range", cd + "reroute", "WAIT"),
        b(cd + "rerouteWaitMinutes", "rerouteWait.range", cd + "reroute", "WAIT", cd + "rerouteWaitMinutes", 0),
        b(cd + "rerouteWaitMinutes", "rerouteWait.range", cd + "reroute", "WAIT", cd + "rerouteWaitMinutes", 2881),
        b(cd + "rerouteWaitMinutes", "rerouteWait.withImmediately", cd + "rerouteWaitMinutes", 10),
        b(cd + "terminationWaitMinutes", "terminationWait.range", cd + "terminationWaitMinutes", -1),
        b(cd + "terminationWaitMinutes", "terminationWait.range", cd + "terminationWaitMinutes", 2881));
  }

  static Stream<Broken> codeBuild() {
    String cb = "codeBuild.";
    return Stream.of(
        b(cb + "project", "missing", cb + "project", null),
        b(cb + "project", "codeBuildProject.invalid", cb + "project", "d"),
        b(cb + "project", "codeBuildProject.invalid", cb + "project", "-build"),
        b(cb + "project", "codeBuildProject.invalid", cb + "project", "demo.build"),
        b(cb + "project", "codeBuildProject.invalid", cb + "project", "p".repeat(151)),
        b(cb + "image", "missing", cb + "image", ""),
        b(cb + "image", "buildImage.architecture", cb + "image", SpecDefaults.BUILD_IMAGE_ARM),
        b(cb + "image", "buildImage.architecture", "container.architecture", "ARM64"),
        b(cb + "computeType", "missing", cb + "computeType", null),
        b(cb + "computeType", "computeType.invalid", cb + "computeType", "BUILD_LAMBDA_1GB"),
        b(cb + "computeType", "computeType.invalid", cb + "computeType", "build_general1_small"),
        b(cb + "privileged", "codeBuild.notPrivileged", cb + "privileged", false),
        b(cb + "taskDefinitionMode", "missing", cb + "taskDefinitionMode", null),
        b(cb + "dockerHubSecretArn", "secretArn.invalid", cb + "dockerHubSecretArn",
            "arn:aws:ssm:us-east-1:123456789012:parameter/dockerhub"),
        b(cb + "dockerHubSecretArn", "secretArn.invalid", cb + "dockerHubSecretArn", "dockerhub-token"),
        b(cb + "timeoutMinutes", "codeBuild.timeout", cb + "timeoutMinutes", 4),
        b(cb + "timeoutMinutes", "codeBuild.timeout", cb + "timeoutMinutes", 2161));
  }

  static Stream<Broken> source() {
    String s = "source.";
    Object[] s3 = {s + "provider", "S3", s + "commitStarterApp", false, s + "s3Bucket", "demo-source",
        s + "s3ObjectKey", "source.zip"};
    Object[] github = {s + "provider", "GITHUB", s + "commitStarterApp", false, s + "connectionArn", CONNECTION_ARN,
        s + "fullRepositoryId", "my-org/demo"};
    return Stream.of(
        b(s + "repository", "missing", s + "repository", null),
        b(s + "repository", "codeCommitRepo.invalid", s + "repository", "my repo"),
        b(s + "repository", "codeCommitRepo.invalid", s + "repository", "r".repeat(101)),
        b(s + "branch", "missing", s + "branch", null),
        b(s + "branch", "branch.invalid", s + "branch", "my branch"),
        b(s + "branch", "branch.invalid", s + "branch", "feature..x"),
        b(s + "branch", "branch.invalid", s + "branch", "feature/"),
        b(s + "branch", "branch.invalid", s + "branch", "main.lock"),
        b(s + "branch", "branch.invalid", s + "branch", "fix:1"),
        b(s + "branch", "branch.invalid", s + "branch", "-main"),
        b(s + "branch", "branch.invalid", s + "branch", "a@{1}"),
        b(s + "s3Bucket", "missing", with(s3, s + "s3Bucket", null)),
        b(s + "s3Bucket", "s3Bucket.invalid", with(s3, s + "s3Bucket", "Demo_Source")),
        b(s + "s3ObjectKey", "missing", with(s3, s + "s3ObjectKey", null)),
        b(s + "connectionName", "missing", with(github, s + "connectionArn", null)),
        b(s + "connectionName", "connectionName.invalid", with(with(github, s + "connectionArn", null),
            s + "connectionName", "a-connection-name-of-thirty-three")),
        b(s + "connectionProvider", "connectionProvider.invalid", with(github, s + "connectionProvider", "CodeCommit")),
        b(s + "connectionArn", "connectionArn.invalid",
            with(github, s + "connectionArn", "arn:aws:codecommit:us-east-1:123456789012:demo")),
        b(s + "fullRepositoryId", "missing", with(github, s + "fullRepositoryId", null)),
        b(s + "fullRepositoryId", "fullRepositoryId.invalid", with(github, s + "fullRepositoryId", "demo")),
        b(s + "fullRepositoryId", "fullRepositoryId.invalid",
            with(github, s + "fullRepositoryId", "https://github.com/my-org/demo")),
        b(s + "branch", "branch.invalid", with(github, s + "branch", "a b")),
        b(s + "commitStarterApp", "starterApp.notCodeCommit", with(github, s + "commitStarterApp", true)),
        b(s + "commitStarterApp", "starterApp.existingRepo", s + "existingRepository", true));
  }

  /** {@code base} edits with one more edit appended (a later edit of the same path wins). */
  private static Object[] with(Object[] base, String path, Object value) {
    Object[] all = Arrays.copyOf(base, base.length + 2);
    all[base.length] = path;
    all[base.length + 1] = value;
    return all;
  }

  static Stream<Broken> pipeline() {
    String p = "pipeline.";
    return Stream.of(
        b(p + "name", "missing", p + "name", null),
        b(p + "name", "pipelineName.invalid", p + "name", "demo pipeline"),
        b(p + "name", "pipelineName.invalid", p + "name", "p".repeat(101)),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "ab"),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "192.168.1.1"),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "xn--demo"),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "demo..artifacts"),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "demo-artifacts-"),
        b(p + "artifactBucket", "s3Bucket.invalid", p + "artifactBucket", "demo--x-s3"),
        b(p + "approvalTopicArn", "snsArn.invalid", p + "manualApproval", true, p + "approvalTopicArn",
            "arn:aws:sqs:us-east-1:123456789012:approvals"),
        b(p + "approvalTopicArn", "approvalTopic.withoutApproval", p + "approvalTopicArn", TOPIC_ARN));
  }

  static Stream<Broken> roles() {
    return Stream.of(
        b("roles.taskExecution", "missing", "roles.taskExecution", null),
        b("roles.codeDeploy.name", "missing", "roles.codeDeploy.name", null),
        b("roles.codeBuild.name", "roleName.invalid", "roles.codeBuild.name", "demo build"),
        b("roles.codeBuild.name", "roleName.invalid", "roles.codeBuild.name", "r".repeat(65)),
        b("roles.codeBuild.existingArn", "roleArn.invalid", "roles.codeBuild.existingArn",
            "arn:aws:iam::123:role/builder"),
        b("roles.codeBuild.existingArn", "roleArn.invalid", "roles.codeBuild.existingArn",
            "arn:aws:iam::123456789012:user/builder"),
        b("roles.codePipeline.name", "roleName.duplicate", "roles.codePipeline.name", "DEMO-codebuild"));
  }

  static Stream<Broken> tags() {
    return Stream.of(
        b("tags", "tags.tooMany", "tags", entries(46, "k")),
        b("tags", "tagKey.invalid", "tags", Map.of("", "x")),
        b("tags", "tagKey.invalid", "tags", Map.of("k".repeat(129), "x")),
        b("tags", "tagKey.reserved", "tags", Map.of("aws:owner", "x")),
        b("tags", "tagKey.reserved", "tags", Map.of("AWS:Owner", "x")),
        b("tags", "tagKey.setupTag", "tags", Map.of(SetupSpec.SETUP_TAG, "other")),
        b("tags.team", "tagValue.tooLong", "tags", Map.of("team", "v".repeat(257))));
  }

  private static Map<String, Object> env(String name, String branch, boolean approval) {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    m.put("branch", branch);
    m.put("approval", approval);
    return m;
  }

  private static Map<String, Object> envs(List<?> list, boolean shared, Map<String, Object> topic) {
    var m = new LinkedHashMap<String, Object>();
    m.put("list", list);
    m.put("sharedLoadBalancer", shared);
    m.put("approvalTopic", topic);
    return m;
  }

  private static Map<String, Object> topic(String name, String arn, String email) {
    var m = new HashMap<String, Object>();
    m.put("name", name);
    m.put("existingArn", arn);
    m.put("email", email);
    return m;
  }

  static Stream<Broken> environments() {
    var dev = env("dev", "main", false);
    var gate = topic("demo-approvals", null, null);
    var sized = new LinkedHashMap<>(env("prod", "prod", false));
    sized.put("cpu", 300);
    var badMemory = new LinkedHashMap<>(env("prod", "prod", false));
    badMemory.put("memory", 100);
    var samePort = new LinkedHashMap<>(env("prod", "prod", false));
    samePort.put("productionPort", 80);
    var badPort = new LinkedHashMap<>(env("prod", "prod", false));
    badPort.put("testPort", 70000);
    var e = "environments";
    return Stream.of(
        b(e, "environments.count", e, envs(List.of(), false, null)),
        b(e + ".list[1].name", "environment.name", e, envs(List.of(dev, env("Prod", "prod", false)), false, null)),
        b(e + ".list[1].name", "environment.nameTwice", e, envs(List.of(dev, env("dev", "prod", false)), false,
            null)),
        b(e + ".list[1].name", "environment.nameTooLong", e, envs(List.of(dev, env("production", "prod", false)),
            false, null), "loadBalancer.targetGroup1", "demo-blue-target-group-one"),
        b(e + ".list[1].branch", "environment.branchTwice", e, envs(List.of(dev, env("prod", "main", false)),
            false, null)),
        b(e + ".list[1].branch", "branch.invalid", e, envs(List.of(dev, env("prod", "a b", false)), false, null)),
        b(e + ".list[1].cpu", "fargate.cpu", e, envs(List.of(dev, sized), false, null)),
        b(e + ".list[1].memory", "fargate.memory", e, envs(List.of(dev, badMemory), false, null)),
        b(e + ".list[1].productionPort", "environment.portTaken", e, envs(List.of(dev, samePort), true, null)),
        b(e + ".list[1].testPort", "port.invalid", e, envs(List.of(dev, badPort), true, null)),
        b(e + ".sharedLoadBalancer", "environments.existingLbShared", e, envs(List.of(dev), false, null),
            "loadBalancer.existingArn", ELB_ARN),
        b(e + ".approvalTopic", "missing", e, envs(List.of(dev, env("prod", "prod", true)), false, null)),
        b(e + ".approvalTopic.name", "snsTopic.invalid", e, envs(List.of(dev, env("prod", "prod", true)), false,
            topic("demo approvals", null, null))),
        b(e + ".approvalTopic.existingArn", "snsArn.invalid", e, envs(List.of(dev, env("prod", "prod", true)),
            false, topic(null, "arn:aws:sqs:us-east-1:123456789012:x", null))),
        b(e + ".approvalTopic.email", "email.invalid", e, envs(List.of(dev, env("prod", "prod", true)), false,
            topic("demo-approvals", null, "ops at example"))));
  }
}
