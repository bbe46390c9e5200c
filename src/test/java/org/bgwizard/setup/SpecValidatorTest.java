package org.bgwizard.setup;

import static org.bgwizard.setup.BrokenSpecs.BASE;
import static org.bgwizard.setup.BrokenSpecs.CONNECTION_ARN;
import static org.bgwizard.setup.BrokenSpecs.ELB_ARN;
import static org.bgwizard.setup.BrokenSpecs.TOPIC_ARN;
import static org.bgwizard.setup.BrokenSpecs.TWO_SUBNETS;
import static org.bgwizard.setup.BrokenSpecs.subnet;
import static org.bgwizard.setup.SpecEdits.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidatorTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"demo, us-east-1", "my-app, ap-northeast-1", "a1, eu-central-2", "shop-api-2, us-gov-west-1",
      "abcdefghijklmnopqrstuvwx, ap-southeast-7", "x-9, cn-north-1", "web--app, sa-east-1"})
  void tutorialDefaults_validateClean(String name, String region) {
    assertEquals(List.of(), SpecValidator.validate(SpecDefaults.tutorial(name, region)));
  }

  static Stream<BrokenSpecs.Broken> brokenSpecs() {
    return BrokenSpecs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void oneBrokenField_givesExactlyThatProblem(BrokenSpecs.Broken broken) {
    var problems = SpecValidator.validate(broken.spec());
    assertEquals(List.of(broken.field() + " " + broken.key()), fieldsAndKeys(problems), problems::toString);
  }

  static Stream<Arguments> acceptedVariants() {
    String cd = "codeDeploy.";
    return Stream.of(
        Arguments.of("ARM64 task with the ARM build image",
            new Object[] {"container.architecture", "ARM64", "codeBuild.image", SpecDefaults.BUILD_IMAGE_ARM}),
        Arguments.of("largest Fargate sizes", new Object[] {"container.cpu", 16384, "container.memory", 122880}),
        Arguments.of("8 vCPU with 16 GiB", new Object[] {"container.cpu", 8192, "container.memory", 16384}),
        Arguments.of("existing VPC with two subnets in two AZs",
            new Object[] {"network.vpcId", "vpc-0a1b2c3d4e5f67890", "network.subnets", TWO_SUBNETS}),
        Arguments.of("subnets whose AZs are not known yet", new Object[] {"network.vpcId", "vpc-0a1b2c3d",
            "network.subnets", List.of(subnet("subnet-0a1b2c3d", "us-east-1a"), subnet("subnet-0a1b2c3e", null))}),
        Arguments.of("existing load balancer, no name",
            new Object[] {"loadBalancer.existingArn", ELB_ARN, "loadBalancer.name", null}),
        Arguments.of("blank existing ARN means create", new Object[] {"loadBalancer.existingArn", " "}),
        Arguments.of("success code list", new Object[] {"loadBalancer.healthCheck.successCodes", "200,302"}),
        Arguments.of("single success code", new Object[] {"loadBalancer.healthCheck.successCodes", "200"}),
        Arguments.of("limits of ports and counts", new Object[] {"container.port", 65535, "loadBalancer.testPort", 1,
            "ecs.desiredCount", 100, "repository.keepImages", 1000, "loadBalancer.deregistrationDelaySeconds", 0}),
        Arguments.of("manual reroute with a wait", new Object[] {cd + "reroute", "WAIT", cd + "rerouteWaitMinutes", 2880}),
        Arguments.of("custom deployment config", new Object[] {cd + "deploymentConfig", "Demo.Linear25Percent"}),
        Arguments.of("canary config", new Object[] {cd + "deploymentConfig", "CodeDeployDefault.ECSCanary10Percent15Minutes"}),
        Arguments.of("no termination wait", new Object[] {cd + "terminationWaitMinutes", 0}),
        Arguments.of("environment and Docker Hub secret", new Object[] {"container.environment",
            Map.of("APP_MODE", "prod", "_X", "a b"), "codeBuild.dockerHubSecretArn",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf"}),
        Arguments.of("private registry images", new Object[] {"container.initialImage",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:1.0"}),
        Arguments.of("localhost registry", new Object[] {"container.initialImage", "localhost/demo"}),
        Arguments.of("GitHub source", new Object[] {"source.provider", "GITHUB", "source.commitStarterApp", false,
            "source.connectionArn", CONNECTION_ARN, "source.fullRepositoryId", "my-org/demo.web", "source.branch",
            "release/v1.2"}),
        Arguments.of("S3 source", new Object[] {"source.provider", "S3", "source.commitStarterApp", false,
            "source.s3Bucket", "demo.source-bucket", "source.s3ObjectKey", "app/source.zip"}),
        Arguments.of("existing CodeCommit repository without starter app",
            new Object[] {"source.existingRepository", true, "source.commitStarterApp", false}),
        Arguments.of("approval with topic and own bucket", new Object[] {"pipeline.manualApproval", true,
            "pipeline.approvalTopicArn", TOPIC_ARN, "pipeline.artifactBucket", "demo-artifacts-123456789012"}),
        Arguments.of("existing role with a path, same name as another", new Object[] {"roles.codeBuild.existingArn",
            "arn:aws:iam::123456789012:role/service-role/demo-codepipeline"}),
        Arguments.of("45 tags", new Object[] {"tags", IntStream.range(0, 45).boxed()
            .collect(Collectors.toMap(i -> "k" + i, i -> "v".repeat(256)))}),
        Arguments.of("log group with allowed characters", new Object[] {"ecs.logGroup", "/aws/ecs/demo#1.x_y",
            "ecs.logRetentionDays", 3653}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedVariants")
  void acceptedVariant_validatesClean(String description, Object[] edits) {
    assertEquals(List.of(), SpecValidator.validate(edit(BASE, edits)));
  }

  @Test
  void specWithSeveralMistakes_reportsEveryOne() {
    var spec = edit(BASE,
        "region", "tokyo",
        "container.memory", 3000,
        "container.initialImage", "nginx:latest",
        "loadBalancer.targetGroup1", "t".repeat(40),
        "loadBalancer.testPort", 80,
        "codeDeploy.rerouteWaitMinutes", 30,
        "codeBuild.privileged", false,
        "roles.codeBuild.name", "demo-codedeploy",
        "tags", Map.of("aws:team", "x"));
    assertEquals(List.of(
        "region region.invalid",
        "container.memory fargate.memory",
        "container.initialImage image.unqualified",
        "loadBalancer.targetGroup1 tgName.invalid",
        "loadBalancer.testPort lbPort.same",
        "codeDeploy.rerouteWaitMinutes rerouteWait.withImmediately",
        "codeBuild.privileged codeBuild.notPrivileged",
        "roles.codeBuild.name roleName.duplicate",
        "tags tagKey.reserved"), fieldsAndKeys(SpecValidator.validate(spec)));
  }

  @Test
  void nameThatSeedsOtherNames_reportsEachDerivedName() {
    var fields = SpecValidator.validate(SpecDefaults.tutorial("My_App", "us-east-1")).stream()
        .map(Problem::field).collect(Collectors.toSet());
    assertTrue(fields.containsAll(Set.of("name", "repository.name", "loadBalancer.name", "loadBalancer.targetGroup1",
        "loadBalancer.targetGroup2")), fields::toString);
  }

  @Test
  void nullSpec_isOneMissingProblem() {
    assertEquals(List.of("spec missing"), fieldsAndKeys(SpecValidator.validate(null)));
  }

  @Test
  void memoryProblem_listsTheMemoryValuesForTheChosenCpu() {
    var problem = SpecValidator.validate(edit(BASE, "container.cpu", 1024, "container.memory", 1024)).get(0);
    assertTrue(problem.message().contains("2048, 3072, …, 8192"), problem::message);
  }

  @Test
  void unqualifiedImage_suggestsTheEcrReferenceInTheSpecsRegion() {
    var problem = SpecValidator.validate(edit(BASE, "container.initialImage", "demo:latest")).get(0);
    assertTrue(problem.message().contains("<account>.dkr.ecr.us-east-1.amazonaws.com/demo:latest"), problem::message);
  }

  @Test
  void rerouteWaitWithImmediately_quotesCodeDeploysError() {
    var problem = SpecValidator.validate(edit(BASE, "codeDeploy.rerouteWaitMinutes", 5)).get(0);
    assertTrue(problem.message().contains(
        "Deployment ready action cannot be set to 'CONTINUE_DEPLOYMENT' when timeout is specified"), problem::message);
  }

  static List<String> fieldsAndKeys(List<Problem> problems) {
    return problems.stream().map(p -> p.field() + " " + p.key()).toList();
  }
}
