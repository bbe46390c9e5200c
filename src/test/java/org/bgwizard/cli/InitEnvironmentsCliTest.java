package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitEnvironmentsCliTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void init_withThreeEnvironments_writesThemInOrder_withTheLastBehindAnApproval_andItValidates() throws Exception {
    Path file = dir.resolve("shop.json");
    assertEquals(0, run("init", "shop", "--environments", "dev,qa,prod", "--out", file.toString()), err.toString());
    assertTrue(err.toString().contains("environments dev, qa, prod"), err.toString());
    var spec = SpecJson.load(file);
    assertEquals(List.of("dev", "qa", "prod"), spec.environments().names());
    assertTrue(spec.environments().list().get(2).approval());
    assertFalse(spec.environments().sharedLoadBalancer());
    assertEquals("shop-approvals", spec.environments().approvalTopic().name());
    assertEquals(0, run("validate", file.toString()), err.toString());
  }

  @Test
  void init_withASharedLoadBalancer_recordsIt() throws Exception {
    Path file = dir.resolve("shop.json");
    assertEquals(0, run("init", "shop", "--environments", "dev,prod", "--shared-load-balancer", "--out",
        file.toString()), err.toString());
    assertTrue(SpecJson.load(file).environments().sharedLoadBalancer());
  }

  @Test
  void init_withABadEnvironmentName_isAUsageError_namingTheFieldAndValue_andWritesNothing() {
    Path file = dir.resolve("shop.json");
    assertEquals(2, run("init", "shop", "--environments", "dev,Prod", "--out", file.toString()));
    assertTrue(err.toString().contains("Environment 2 name (environments.list[1].name): 'Prod'"), err.toString());
    assertFalse(Files.exists(file));
  }

  @Test
  void init_sharedLoadBalancerWithoutEnvironments_isAUsageError() {
    assertEquals(2, run("init", "shop", "--shared-load-balancer", "--out", dir.resolve("x.json").toString()));
    assertTrue(err.toString().contains("--shared-load-balancer needs --environments"), err.toString());
  }

  @Test
  void init_withoutEnvironments_writesNoEnvironmentsSection() throws Exception {
    Path file = dir.resolve("shop.json");
    assertEquals(0, run("init", "shop", "--out", file.toString()), err.toString());
    assertFalse(Files.readString(file).contains("environments"));
  }
}
