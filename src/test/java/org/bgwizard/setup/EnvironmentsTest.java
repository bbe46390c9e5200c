package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {
  private static final SetupSpec BASE = SpecDefaults.tutorial("shop", "us-east-1");
  private static final SetupSpec THREE = SpecDefaults.withEnvironments(BASE, List.of("dev", "qa", "prod"));

  private static List<String> fieldsAndKeys(SetupSpec spec) {
    return SpecValidator.validate(spec).stream().map(p -> p.field() + " " + p.key()).toList();
  }

  private static SetupSpec withList(SetupSpec spec, List<Environment> list, boolean shared) {
    return spec.withEnvironments(new Environments(list, shared, spec.environments().approvalTopic()));
  }

  @Test
  void defaults_firstOnTheSetupsBranch_othersOnTheirOwn_lastBehindAnApproval_andValid() {
    var envs = THREE.environments();
    assertEquals(List.of("dev", "qa", "prod"), envs.names());
    assertEquals(List.of("main", "qa", "prod"), envs.list().stream().map(Environment::branch).toList());
    assertEquals(List.of(false, false, true), envs.list().stream().map(Environment::approval).toList());
    assertEquals("shop-approvals", envs.approvalTopic().name());
    assertEquals(List.of(), SpecValidator.validate(THREE));
  }

  @Test
  void aSetupWithoutEnvironments_expandsToItselfAlone() {
    var one = Environments.expand(BASE);
    assertEquals(1, one.size());
    assertNull(one.get(0).environment());
    assertEquals(BASE, one.get(0).spec());
  }

  @Test
  void expand_suffixesPerEnvironmentNames_andKeepsTheSharedOnes() {
    var qa = Environments.expand(THREE, "qa").orElseThrow().spec();
    assertEquals("shop-service-qa", qa.ecs().service());
    assertEquals("shop-task-qa", qa.ecs().taskFamily());
    assertEquals("/ecs/shop-qa", qa.ecs().logGroup());
    assertEquals("shop-cluster", qa.ecs().cluster());
    assertEquals("shop-qa", qa.repository().name());
    assertEquals("shop-alb-qa", qa.loadBalancer().name());
    assertEquals("shop-tg-1-qa", qa.loadBalancer().targetGroup1());
    assertEquals("shop-tg-2-qa", qa.loadBalancer().targetGroup2());
    assertEquals(80, qa.loadBalancer().productionPort());
    assertEquals("shop-pipeline-qa", qa.pipeline().name());
    assertEquals("qa", qa.source().branch());
    assertEquals("shop", qa.source().repository());
    assertEquals(BASE.codeDeploy().application(), qa.codeDeploy().application());
    assertEquals(BASE.codeDeploy().deploymentGroup() + "-qa", qa.codeDeploy().deploymentGroup());
    assertEquals(BASE.codeBuild(), qa.codeBuild());
    assertEquals(BASE.roles(), qa.roles());
    assertEquals("qa", qa.tags().get(Environments.ENVIRONMENT_TAG));
    assertNull(qa.environments());
    assertEquals("shop", qa.name());
  }

  @Test
  void expand_onASharedLoadBalancer_givesEachEnvironmentItsOwnPorts_andTheGateItsApproval() {
    var shared = withList(THREE, THREE.environments().list(), true);
    var specs = Environments.expand(shared);
    assertEquals(List.of(80, 81, 82), specs.stream().map(e -> e.spec().loadBalancer().productionPort()).toList());
    assertEquals(List.of(8080, 8081, 8082), specs.stream().map(e -> e.spec().loadBalancer().testPort()).toList());
    assertEquals("shop-alb", specs.get(2).spec().loadBalancer().name());
    assertEquals(List.of(false, false, true), specs.stream().map(e -> e.spec().pipeline().manualApproval()).toList());
    assertEquals(List.of(), SpecValidator.validate(shared));
  }

  @Test
  void expand_takesAnEnvironmentsOwnSize_andTheSetupsOtherwise() {
    var list = THREE.environments().list();
    var sized = withList(THREE, List.of(list.get(0), list.get(1), list.get(2).withDesiredCount(3).withSize(1024, 2048)),
        false);
    var prod = Environments.expand(sized, "prod").orElseThrow().spec();
    assertEquals(3, prod.ecs().desiredCount());
    assertEquals(1024, prod.container().cpu());
    assertEquals(2048, prod.container().memory());
    assertEquals(256, Environments.expand(sized, "dev").orElseThrow().spec().container().cpu());
  }

  @Test
  void anS3Source_takesEachEnvironmentsObjectUnderItsName() {
    var s3 = SpecDefaults.withEnvironments(BASE.withSource(Source.s3("shop-src", "app.zip", true)),
        List.of("dev", "prod"));
    assertEquals("prod/app.zip", Environments.expand(s3, "prod").orElseThrow().spec().source().s3ObjectKey());
  }

  @Test
  void nextAndPrevious_followPromotionOrder() {
    var envs = THREE.environments();
    assertEquals("qa", envs.next("dev").orElseThrow().name());
    assertTrue(envs.next("prod").isEmpty());
    assertEquals("qa", envs.previous("prod").orElseThrow().name());
    assertTrue(envs.previous("dev").isEmpty());
  }

  @Test
  void badNames_twiceUsedBranches_andClashingPorts_areAllReportedAtOnce() {
    var list = THREE.environments().list();
    var bad = withList(THREE, List.of(list.get(0), Environment.of("QA", "main", false),
        list.get(2).withPorts(80, 8080)), true);
    assertEquals(List.of(
        "environments.list[1].name environment.name",
        "environments.list[1].branch environment.branchTwice",
        "environments.list[2].productionPort environment.portTaken",
        "environments.list[2].testPort environment.portTaken"), fieldsAndKeys(bad));
  }

  @Test
  void aNameThatMakesATargetGroupNameTooLong_namesTheBindingLimitAndTheLongestThatFits() {
    var longSetup = SpecDefaults.withEnvironments(SpecDefaults.tutorial("a-rather-long-name-shop", "us-east-1"),
        List.of("dev", "production"));
    var problems = SpecValidator.validate(longSetup);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("Environment 2 name (environments.list[1].name): 'production' makes Target group 1"
        + " (loadBalancer.targetGroup1) 'a-rather-long-name-shop-tg-1-production' 39 characters long, and Elastic"
        + " Load Balancing allows 32; use an environment name of at most 3 characters, or a shorter name there.",
        problems.get(0).message(Locale.ROOT));
    assertTrue(problems.get(0).message(Locale.JAPANESE).contains("32 文字"), problems.get(0).message(Locale.JAPANESE));
  }

  @Test
  void anApprovalWithoutATopic_andABadEmail_areRefused() {
    var list = THREE.environments().list();
    var noTopic = THREE.withEnvironments(new Environments(list, false, null));
    assertEquals(List.of("environments.approvalTopic missing"), fieldsAndKeys(noTopic));
    var badMail = THREE.withEnvironments(new Environments(list, false,
        new Environments.ApprovalTopic("shop-approvals", null, "ops at example")));
    assertEquals(List.of("environments.approvalTopic.email email.invalid"), fieldsAndKeys(badMail));
  }

  @Test
  void tooManyEnvironments_isRefused() {
    var six = SpecDefaults.withEnvironments(BASE, List.of("a", "b", "c", "d", "e", "f"));
    assertEquals(List.of("environments environments.count"), fieldsAndKeys(six));
  }

  @Test
  void aSetupFileWithEnvironments_roundTrips_andOneWithoutStaysWithoutTheSection() throws Exception {
    String json = SpecJson.write(THREE);
    assertTrue(json.contains("\"environments\""), json);
    assertEquals(THREE, SpecJson.read(json));
    assertTrue(!SpecJson.write(BASE).contains("environments"));
  }
}
