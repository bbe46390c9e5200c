package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A setup with environments dev, qa and prod (issue 15) planned, applied, shown and torn down through the CLI against
 * the simulated account: each environment's resources once, what they share once.
 */
class EnvironmentsProvisioningCliTest extends SandboxCliTest {

  @BeforeEach
  void threeEnvironments() {
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--environments", "dev,qa,prod", "--force", "--out",
        setup.toString()), err::toString);
  }

  /** The plan's rows that name {@code resource} (kind/name). */
  private List<String> rows(String plan, String resource) {
    return Arrays.stream(plan.split("\n")).filter(l -> l.matches("  \\S+ +.*") && l.contains(resource + "  ")
        || l.endsWith(resource)).toList();
  }


  @Test
  void plan_listsEachEnvironmentsResources_andTheSharedOnesOnce() {
    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    for (String env : List.of("dev", "qa", "prod")) {
      assertEquals(1, rows(plan, "ecs-service/demo-service-" + env).size(), plan);
      assertTrue(plan.contains("[" + env + "] ecs-service/demo-service-" + env), plan);
      assertTrue(plan.contains("[" + env + "] codepipeline-pipeline/demo-pipeline-" + env), plan);
      assertTrue(plan.contains("[" + env + "] events-rule/demo-" + env + "-source-change"), plan);
      assertTrue(plan.contains("[" + env + "] ecr-repository/demo-" + env), plan);
    }
    for (String shared : List.of("ecs-cluster/demo-cluster", "codebuild-project/demo-build",
        "codecommit-repository/demo", "codedeploy-application/AppECS-demo-cluster-demo-service",
        "iam-role/demo-codebuild")) {
      assertEquals(1, rows(plan, shared).size(), shared + " in\n" + plan);
      assertTrue(plan.contains("[shared] " + shared), plan);
    }
    assertFalse(plan.contains("ecs-service/demo-service "), plan);
    assertTrue(plan.contains("[shared] codebuild-project/demo-test  (after "), plan);
    assertTrue(plan.contains("--source type=CODEPIPELINE,buildspec=buildspec-test.yml"), plan);
    String prodPipeline = rows(plan, "codepipeline-pipeline/demo-pipeline-prod").get(0);
    assertTrue(prodPipeline.contains("codebuild-project/demo-test"), prodPipeline);
  }

  @Test
  void plan_ofAGatedEnvironment_createsTheApprovalTopic_andTheEmailSubscriptionPendingConfirmation() throws Exception {
    var spec = SpecJson.load(setup);
    var envs = spec.environments();
    SpecJson.save(spec.withEnvironments(new Environments(envs.list(), envs.sharedLoadBalancer(),
        new Environments.ApprovalTopic("demo-approvals", null, "ops@example.com"))), setup);

    assertEquals(0, sandbox("plan"), err::toString);

    String plan = out.toString();
    assertTrue(plan.contains("create   [prod] sns-topic/demo-approvals\n"), plan);
    assertTrue(plan.contains("$ aws sns create-topic --name demo-approvals --tags Key=bgwizard:setup,Value=demo"),
        plan);
    assertTrue(plan.contains("[prod] sns-subscription/demo-approvals:ops@example.com  (after sns-topic/demo-approvals)"),
        plan);
    assertTrue(plan.contains("! pending confirmation — AWS sends a confirmation mail first to ops@example.com"), plan);
    assertTrue(rows(plan, "codepipeline-pipeline/demo-pipeline-prod").get(0).contains("sns-topic/demo-approvals"),
        plan);
    assertFalse(rows(plan, "codepipeline-pipeline/demo-pipeline-qa").get(0).contains("sns-topic"), plan);
  }

  @Test
  void afterTheAddressConfirms_statusFindsTheSubscriptionAsMade_andPlanWantsNothing() throws Exception {
    var spec = SpecJson.load(setup);
    var envs = spec.environments();
    SpecJson.save(spec.withEnvironments(new Environments(envs.list(), envs.sharedLoadBalancer(),
        new Environments.ApprovalTopic("demo-approvals", null, "ops@example.com"))), setup);
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    // the recipient follows the link: SNS gives the subscription its ARN ("pending confirmation" until then)
    assertEquals(0, sandbox(Sandbox::confirmEmailSubscriptions, "status", "--env", "prod"), out::toString);

    String row = rows(out.toString(), "sns-subscription/demo-approvals:ops@example.com").get(0);
    assertTrue(row.startsWith("  PRESENT     sns-subscription/demo-approvals:ops@example.com  arn:aws:sns:"), row);
    assertFalse(out.toString().contains("replaced outside the wizard"), out.toString());
    assertEquals(0, sandbox("plan"), err::toString);
    assertTrue(rows(out.toString(), "sns-subscription/demo-approvals:ops@example.com").get(0).startsWith("  exists   [prod] "),
        out.toString());
  }

  @Test
  void status_orphans_listsATopicWithTheSetupsTagThatTheJournalDoesNotKnow() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    // a copy made outside the journal (a lost journal's run, or by hand) with the setup's tag
    sandbox(sandbox -> sandbox.sns().createTopic(b -> b.name("demo-approvals-old").tags(software.amazon.awssdk.services
        .sns.model.Tag.builder().key("bgwizard:setup").value("demo").build())), "plan");
    assertTrue(account().sns().listTopics(b -> { }).topics().stream().anyMatch(t -> t.topicArn().endsWith(":old")
        || t.topicArn().endsWith(":demo-approvals-old")));

    assertEquals(1, sandbox("status", "--orphans"), err::toString);

    String orphans = out.toString().substring(out.toString().indexOf("Orphans (tagged"));
    assertTrue(orphans.contains("sns-topic/demo-approvals-old"), orphans);
    assertFalse(orphans.contains("sns-topic/demo-approvals "), orphans);
  }

  @Test
  void plan_withAnExistingTopic_createsNoTopic() throws Exception {
    var spec = SpecJson.load(setup);
    var envs = spec.environments();
    SpecJson.save(spec.withEnvironments(new Environments(envs.list(), envs.sharedLoadBalancer(),
        new Environments.ApprovalTopic(null, "arn:aws:sns:us-east-1:123456789012:team-approvals", null))), setup);

    assertEquals(0, sandbox("plan"), err::toString);

    assertFalse(out.toString().contains("sns-topic"), out.toString());
  }

  @Test
  void apply_createsEveryEnvironment_sharedResourcesOnce_perEnvironmentTagged() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    Sandbox s = account();
    var services = s.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service-dev",
        "demo-service-qa", "demo-service-prod")).services();
    assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE"), services.stream().map(v -> v.status()).toList());
    assertEquals(List.of("demo-cluster"), s.ecs().listClusters(r -> { }).clusterArns().stream()
        .map(a -> a.substring(a.lastIndexOf('/') + 1)).toList());
    assertEquals(List.of("demo-pipeline-dev", "demo-pipeline-prod", "demo-pipeline-qa"), s.codePipeline()
        .listPipelines(r -> { }).pipelines().stream().map(p -> p.name()).sorted().toList());
    var qaTags = s.ecs().listTagsForResource(r -> r.resourceArn(services.get(1).serviceArn())).tags();
    assertTrue(qaTags.stream().anyMatch(t -> t.key().equals("bgwizard:environment") && t.value().equals("qa")),
        qaTags.toString());
    var branches = s.codeCommit().listBranches(r -> r.repositoryName("demo")).branches().stream().sorted().toList();
    assertEquals(List.of("main", "prod", "qa"), branches);
    String first = s.codeCommit().getBranch(r -> r.repositoryName("demo").branchName("main")).branch().commitId();
    assertEquals(first, s.codeCommit().getBranch(r -> r.repositoryName("demo").branchName("qa")).branch().commitId());
    var testProject = s.codeBuild().batchGetProjects(r -> r.names("demo-test")).projects().get(0);
    assertEquals("buildspec-test.yml", testProject.source().buildspec());
    String topic = s.sns().listTopics(r -> { }).topics().get(0).topicArn();
    assertTrue(topic.endsWith(":demo-approvals"), topic);
    assertTrue(s.sns().listTagsForResource(r -> r.resourceArn(topic)).tags().stream()
        .anyMatch(t -> t.key().equals("bgwizard:setup") && t.value().equals("demo")));
    String cluster = s.ecs().listClusters(r -> { }).clusterArns().get(0);
    var clusterTags = s.ecs().listTagsForResource(r -> r.resourceArn(cluster)).tags();
    assertFalse(clusterTags.stream().anyMatch(t -> t.key().equals("bgwizard:environment")), clusterTags.toString());
  }

  @Test
  void apply_createsEachEnvironmentsPipeline_asFilesWritesIt_withItsTestStage() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    java.nio.file.Path folder = dir.resolve("files-out");
    assertEquals(0, run("files", setup.toString(), "--out", folder.toString(), "--all"), err::toString);
    for (String env : List.of("dev", "qa", "prod")) {
      var written = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
          .readTree(java.nio.file.Files.readString(folder.resolve("pipeline-" + env + ".json"))).get("pipeline");
      var stages = account().codePipeline().getPipeline(r -> r.name("demo-pipeline-" + env)).pipeline().stages();
      assertEquals(List.of("Source", "Test", "Build", "Deploy"), stages.stream().map(st -> st.name()).toList(), env);
      var names = new ArrayList<String>();
      written.get("stages").forEach(st -> names.add(st.get("name").asText()));
      assertEquals(names, stages.stream().map(st -> st.name()).toList(), env);
      assertEquals("demo-test", stages.get(1).actions().get(0).configuration().get("ProjectName"), env);
      assertEquals(written.get("stages").get(2).get("actions").size(), stages.get(2).actions().size(), env);
    }
    var prodBuild = account().codePipeline().getPipeline(r -> r.name("demo-pipeline-prod")).pipeline().stages().get(2);
    assertEquals("Manual", prodBuild.actions().get(0).actionTypeId().provider());
    assertTrue(prodBuild.actions().get(1).configuration().get("EnvironmentVariables").contains("demo-prod"),
        prodBuild.toString());
  }

  @Test
  void status_showsEachEnvironment_thenTheShared_andOneEnvironmentWithEnv() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("status"), err::toString);
    String all = out.toString();
    assertFalse(all.contains("MISSING"), all);
    int dev = all.indexOf("Environment dev:");
    int qa = all.indexOf("Environment qa:");
    int prod = all.indexOf("Environment prod:");
    int shared = all.indexOf("Shared by the environments:");
    assertTrue(dev >= 0 && dev < qa && qa < prod && prod < shared, all);
    assertTrue(all.substring(qa, prod).contains("ecs-service/demo-service-qa"), all);
    assertFalse(all.substring(qa, prod).contains("demo-service-dev"), all);
    assertTrue(all.substring(shared).contains("ecs-cluster/demo-cluster"), all);

    sandbox("status", "--env", "qa");
    String qaOnly = out.toString();
    assertTrue(qaOnly.contains("ecs-service/demo-service-qa"), qaOnly);
    assertTrue(qaOnly.contains("ecs-cluster/demo-cluster"), qaOnly);
    assertFalse(qaOnly.contains("demo-service-dev") || qaOnly.contains("demo-service-prod"), qaOnly);
  }

  @Test
  void planAfterApply_findsEveryEnvironmentsResources_asTheyWereMade() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    for (String env : List.of("dev", "qa", "prod")) {
      for (String resource : List.of("elbv2-listener/demo-alb-" + env + ":80", "elbv2-target-group/demo-tg-1-" + env,
          "codedeploy-deployment-group/DgpECS-demo-cluster-demo-service-" + env)) {
        List<String> rows = rows(plan, resource);
        assertEquals(1, rows.size(), resource + "\n" + plan);
        assertTrue(rows.get(0).trim().startsWith("exists"), rows.get(0));
      }
    }
  }

  @Test
  void envNamingNoEnvironment_isAUsageError_listingThem() {
    assertEquals(2, sandbox("teardown", "--env", "staging", "--yes"));
    assertTrue(err.toString().contains("--env staging: the setup demo has no such environment; its environments:"
        + " dev, qa, prod"), err.toString());
    assertEquals(2, sandbox("status", "--env", "staging"));
    assertTrue(err.toString().contains("its environments: dev, qa, prod"), err.toString());
  }

  @Test
  void envOnASetupWithoutEnvironments_isAUsageError() {
    assertEquals(0, run("init", "demo", "--region", "us-east-1", "--force", "--out", setup.toString()));
    assertEquals(2, sandbox("status", "--env", "dev"));
    assertTrue(err.toString().contains("the setup demo has no environments"), err.toString());
  }

  @Test
  void teardownOfDev_leavesQaAndProdRunning_andTheLastEnvironmentsTeardownLeavesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("teardown", "--env", "dev", "--yes"), err::toString);
    String said = err.toString();
    assertTrue(said.contains("- ecs-service/demo-service-dev"), said);
    assertTrue(said.contains("= ecs-cluster/demo-cluster (qa, prod still use it: kept)"), said);
    assertFalse(said.contains("- ecs-cluster/demo-cluster") || said.contains("demo-service-qa"), said);

    Sandbox s = account();
    var services = s.ecs().describeServices(r -> r.cluster("demo-cluster").services("demo-service-dev",
        "demo-service-qa", "demo-service-prod")).services();
    assertEquals(List.of("demo-service-qa:ACTIVE", "demo-service-prod:ACTIVE"), services.stream()
        .filter(v -> !v.status().equals("INACTIVE")).map(v -> v.serviceName() + ":" + v.status()).toList());
    assertTrue(s.iam().getRole(r -> r.roleName("demo-codebuild")).role() != null);
    assertFalse(left(s).stream().anyMatch(l -> l.contains("-dev")), left(s).toString());
    assertTrue(left(s).contains("pipeline demo-pipeline-qa"), left(s).toString());

    assertEquals(0, sandbox("teardown", "--env", "qa", "--yes"), err::toString);
    assertTrue(left(account()).contains("cluster demo-cluster"), left(account()).toString());
    assertTrue(left(account()).stream().anyMatch(l -> l.endsWith(":demo-approvals")), left(account()).toString());
    assertEquals(0, sandbox("teardown", "--env", "prod", "--yes"), err::toString);
    assertTrue(err.toString().contains("- ecs-cluster/demo-cluster"), err.toString());

    assertEquals(List.of(), left(account()));
  }

  /** What the setup could leave behind in the account. */
  private static List<String> left(Sandbox s) {
    var left = new ArrayList<String>();
    s.logs().describeLogGroups(r -> { }).logGroups().forEach(g -> left.add("log group " + g.logGroupName()));
    s.elbv2().describeTargetGroups(r -> { }).targetGroups().forEach(t -> left.add("target group "
        + t.targetGroupName()));
    s.elbv2().describeLoadBalancers(r -> { }).loadBalancers().forEach(l -> left.add("load balancer "
        + l.loadBalancerName()));
    s.ecs().listClusters(r -> { }).clusterArns().forEach(c -> left.add("cluster " + c.substring(c.indexOf('/') + 1)));
    s.ecr().describeRepositories(r -> { }).repositories().forEach(r -> left.add("repository " + r.repositoryName()));
    s.codeBuild().listProjects(r -> { }).projects().forEach(p -> left.add("build project " + p));
    s.codePipeline().listPipelines(r -> { }).pipelines().forEach(p -> left.add("pipeline " + p.name()));
    s.codeDeploy().listApplications(r -> { }).applications().forEach(a -> left.add("application " + a));
    s.codeDeploy().listApplications(r -> { }).applications().forEach(a -> s.codeDeploy()
        .listDeploymentGroups(r -> r.applicationName(a)).deploymentGroups().forEach(g -> left.add("group " + g)));
    s.iam().listRoles(r -> { }).roles().stream().filter(r -> r.roleName().startsWith("demo"))
        .forEach(r -> left.add("role " + r.roleName()));
    s.eventBridge().listRules(r -> { }).rules().forEach(r -> left.add("rule " + r.name()));
    s.sns().listTopics(r -> { }).topics().forEach(t -> left.add("topic " + t.topicArn()));
    s.ec2().describeSecurityGroups(r -> { }).securityGroups().stream().filter(g -> g.groupName().startsWith("demo"))
        .forEach(g -> left.add("security group " + g.groupName()));
    s.codeCommit().listRepositories(r -> { }).repositories().forEach(r -> left.add("source " + r.repositoryName()));
    return left;
  }
}
