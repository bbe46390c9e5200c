package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bgwizard.provision.ProvisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyTest {
  @TempDir
  Path dir;

  @Test
  void apply_tutorialSetup_createsEveryResource() throws Exception {
    long t0 = System.nanoTime();
    var h = new SandboxHarness(dir);
    System.out.println("harness " + (System.nanoTime() - t0) / 1_000_000);
    SetupPlan plan = h.ops.plan(h.spec);
    System.out.println("plan " + (System.nanoTime() - t0) / 1_000_000);
    System.out.println(plan.describe());
    ProvisionResult result = h.ops.apply(plan, h.journal(), h.listener());
    System.out.println("apply " + (System.nanoTime() - t0) / 1_000_000 + " calls " + h.calls().size());
    result.failed().forEach(f -> System.out.println(f.describe(java.util.Locale.ENGLISH)));
    System.out.println(result.done());
    assertTrue(result.succeeded(), result.failed().toString());
    assertEquals(plan.plan().steps().size(), result.done().size());
  }
}
