package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
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

  private Sandbox account() throws Exception {
    return Sandbox.open(state, "us-east-1", ManualClock::new, Sleeper.NONE);
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
    var testProject = s.codeBuild().batchGetProjects(r -> r.names("demo-test")).projects().get(0);
    assertEquals("buildspec-test.yml", testProject.source().buildspec());
    String cluster = s.ecs().listClusters(r -> { }).clusterArns().get(0);
    var clusterTags = s.ecs().listTagsForResource(r -> r.resourceArn(cluster)).tags();
    assertFalse(clusterTags.stream().anyMatch(t -> t.key().equals("bgwizard:environment")), clusterTags.toString());
  }
}
