package org.bgwizard.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.Problem;
import org.junit.jupiter.api.Test;

class FieldProblemsTest {
  private final FieldProblems problems = new FieldProblems(Locale.ENGLISH, "Required.");

  @Test
  void aProblem_goesToTheMostSpecificRegisteredField() {
    var list = problems.message("network.subnets");
    var row = problems.message("network.subnets[1]");

    problems.show(List.of(Problem.of("network.subnets[1].id", "subnet-x", "subnetId.invalid"),
        Problem.of("network.subnets", 1, "subnets.tooFew")));

    assertTrue(row.get().startsWith("'subnet-x' is not a subnet id"), row.get());
    assertTrue(list.get().startsWith("1 listed; a load balancer needs at least 2 subnets"), list.get());
  }

  @Test
  void theFieldPath_isLeftOut_andTheMessageStartsWithACapital() {
    var timeout = problems.message("loadBalancer.healthCheck.timeoutSeconds");

    problems.show(List.of(Problem.of("loadBalancer.healthCheck.timeoutSeconds", 15,
        "healthCheck.timeoutNotBelowInterval", "15")));

    assertEquals("A timeout of 15 s is not shorter than the interval of 15 s; the timeout must be less than the "
        + "interval.", timeout.get());
  }

  @Test
  void anEmptyRequiredField_saysSoInThePagesWords() {
    var port = problems.message("container.port");

    problems.show(List.of(Problem.of("container.port", null, "missing")));

    assertEquals("Required.", port.get());
  }

  @Test
  void problemsOfFieldsThePageDoesNotShow_areIgnored() {
    var name = problems.message("name");

    problems.show(List.of(Problem.of("pipeline.name", "x y", "pipelineName.invalid", 3),
        Problem.of("names", "x", "missing")));

    assertEquals("", name.get());
    assertTrue(problems.none().get());
  }

  @Test
  void severalProblemsOfOneField_areShownOnePerLine_andClearedWhenFixed() {
    var tg2 = problems.message("loadBalancer.targetGroup2");

    problems.show(List.of(Problem.of("loadBalancer.targetGroup2", "a", "tgName.invalid", 1),
        Problem.of("loadBalancer.targetGroup2", "a", "tgName.same", "loadBalancer.targetGroup1")));
    assertEquals(2, tg2.get().lines().count());
    assertFalse(problems.none().get());

    problems.show(List.of());
    assertEquals("", tg2.get());
    assertTrue(problems.none().get());
  }
}
