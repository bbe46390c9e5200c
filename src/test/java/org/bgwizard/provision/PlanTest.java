package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanTest {
  private final FakeCloud cloud = new FakeCloud();

  @Test
  void of_cycle_isRejected_namingItsSteps() {
    var a = new Named("a", "c");
    var b = new Named("b", "a");
    var c = new Named("c", "b");
    var e = assertThrows(InvalidPlanException.class, () -> Plan.of(List.of(a, b, c)));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    assertTrue(e.getMessage().contains("fake-thing/a → fake-thing/c → fake-thing/b → fake-thing/a"), e.getMessage());
  }

  @Test
  void of_stepDependingOnItself_isRejectedAsACycle() {
    var e = assertThrows(InvalidPlanException.class, () -> Plan.of(List.of(new Named("a", "a"))));
    assertTrue(e.getMessage().contains("fake-thing/a → fake-thing/a"), e.getMessage());
  }

  @Test
  void of_unknownDependency_isRejected_namingBothSteps() {
    var e = assertThrows(InvalidPlanException.class, () -> Plan.of(List.of(new Named("a", "ghost"))));
    assertEquals("Step fake-thing/a depends on fake-thing/ghost, which is not in the plan", e.getMessage());
  }

  @Test
  void of_sameResourceTwice_isRejected() {
    var e = assertThrows(InvalidPlanException.class,
        () -> Plan.of(List.of(FakeStep.create(cloud, "a"), FakeStep.create(cloud, "a"))));
    assertTrue(e.getMessage().contains("two steps for fake-thing/a"));
  }

  @Test
  void steps_comeAfterTheirDependencies_andOtherwiseKeepTheGivenOrder() {
    var plan = Plan.of(List.of(new Named("service", "listener", "cluster"), new Named("cluster"),
        new Named("role"), new Named("listener", "alb"), new Named("alb")));
    assertEquals(List.of("cluster", "role", "alb", "listener", "service"),
        plan.steps().stream().map(s -> s.ref().name()).toList());
  }

  @Test
  void criticalPath_isTheLongestChain_andItsLength() {
    var plan = Plan.of(List.of(new Named("role"), new Named("alb"), new Named("listener", "alb"),
        new Named("cluster"), new Named("service", "listener", "cluster", "role")));
    Map<String, Integer> seconds = Map.of("role", 10, "alb", 180, "listener", 2, "cluster", 5, "service", 60);
    CriticalPath path = plan.criticalPath(s -> Duration.ofSeconds(seconds.get(s.ref().name())));
    assertEquals(List.of("alb", "listener", "service"), path.steps().stream().map(ResourceRef::name).toList());
    assertEquals(Duration.ofSeconds(242), path.length());
  }

  @Test
  void criticalPath_ofAnEmptyPlan_isEmpty() {
    assertEquals(new CriticalPath(List.of(), Duration.ZERO), Plan.of(List.of()).criticalPath(s -> Duration.ZERO));
  }

  @Test
  void describe_listsEachStep_createOrReuse_withItsDependenciesAndCliCommand() {
    var vpc = FakeStep.reuse(cloud, "vpc");
    var alb = FakeStep.create(cloud, "alb", vpc);
    String text = Plan.of(List.of(vpc, alb)).describe();
    assertEquals("""
        Plan: 2 steps, 1 to create, 1 to reuse
          = fake-thing/vpc (use existing)
              $ fake create-thing --name vpc
          + fake-thing/alb  after fake-thing/vpc
              $ fake create-thing --name alb
        """, text);
  }

  @Test
  void resourceRef_kindMustBeLowerCaseWords() {
    assertThrows(IllegalArgumentException.class, () -> new ResourceRef("IAM Role", "x"));
    assertThrows(IllegalArgumentException.class, () -> new ResourceRef("iam-role", " "));
    assertEquals("iam-role/x", new ResourceRef("iam-role", "x").toString());
  }

  /** A step known only by its name and dependencies. */
  private record Named(String name, String... after) implements Step {
    @Override
    public ResourceRef ref() {
      return new ResourceRef("fake-thing", name);
    }

    @Override
    public Set<ResourceRef> dependsOn() {
      return Arrays.stream(after).map(n -> new ResourceRef("fake-thing", n)).collect(Collectors.toSet());
    }

    @Override
    public StepOutcome apply(StepContext ctx) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(StepContext ctx, JournalEntry entry) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String cliEquivalent() {
      return "fake " + name;
    }
  }
}
