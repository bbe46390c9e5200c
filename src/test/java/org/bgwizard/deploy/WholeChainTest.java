package org.bgwizard.deploy;

import static org.bgwizard.deploy.DashboardSim.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bgwizard.aws.SdkPracticeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on the tutorial setup as the provisioner applies it, watched through the dashboard's snapshot: a
 * commit to the CodeCommit repository, the pipeline run, CodeBuild interpreting the generated buildspec, the
 * CodeDeploy blue/green deployment, traffic rerouted, the original task set terminated.
 */
class WholeChainTest {
  private static final Duration LIMIT = Duration.ofMinutes(30);

  private static PipelineView.Stage stage(DeploymentSnapshot s, String name) {
    return s.pipeline().stages().stream().filter(st -> st.name().equals(name)).findFirst().orElseThrow();
  }

  /** The production listener's share by target group, in percent, leaving out groups without any. */
  private static Map<String, Integer> production(DeploymentSnapshot s) {
    return ListenerTargets.of(s, s.traffic().route("Production")).stream()
        .collect(Collectors.toMap(ListenerTargets.Target::targetGroup, ListenerTargets.Target::percent));
  }

  private static String greenGroup(DeploymentSnapshot s) {
    return s.current().taskSets().stream().filter(t -> t.label().equals("Green")).findFirst().orElseThrow()
        .targetGroup();
  }

  @Test
  void aCommit_isBuiltDeployedBlueGreen_rerouted_andTheOriginalTerminated(@TempDir Path dir) throws Exception {
    var tutorial = TutorialSandbox.applied(dir);
    var sim = tutorial.dashboard().started();
    // the pipeline's creation ran the starter app through once: let that deployment finish
    sim.until(s -> s.current() != null && s.current().waitingForTermination(), LIMIT);
    sim.perform(Action.TERMINATE);
    sim.until(s -> status(s).equals("Succeeded") && !s.pipeline().active(), LIMIT);
    String first = sim.snapshot().current().id();
    String blueGroup = greenGroup(sim.snapshot());
    assertEquals(Map.of(blueGroup, 100), production(sim.snapshot()));

    var target = tutorial.target();
    String run = new Practice(new SdkPracticeSource(tutorial.clients)).release(target.source().repository(),
        target.source().branch(), target.pipeline(), Practice.Behaviour.HEALTHY);
    var s = sim.monitor.refreshNow();
    var execution = s.pipeline().executions().get(0);
    assertEquals(run, execution.id());
    assertEquals("InProgress", execution.status());
    assertTrue(s.active(), "a pipeline run makes the monitor poll fast");
    sim.until(x -> x.pipeline().executions().get(0).revision().endsWith("Release version 2"), LIMIT);
    String revision = sim.snapshot().pipeline().executions().get(0).revision();

    sim.until(x -> stage(x, "Build").status().equals("InProgress") && stage(x, "Build").executionId().equals(run),
        LIMIT);
    assertEquals("Succeeded", stage(sim.snapshot(), "Source").status());
    sim.until(x -> stage(x, "Build").status().equals("Succeeded") && stage(x, "Build").executionId().equals(run),
        LIMIT);

    sim.until(x -> !x.current().id().equals(first), LIMIT);
    s = sim.snapshot();
    assertEquals("InProgress", stage(s, "Deploy").status());
    assertEquals(first, s.history().get(0).id());
    assertEquals(Map.of(blueGroup, 100), production(s), "production stays on blue while green installs");

    sim.until(x -> x.current().waitingForTermination(), LIMIT);
    s = sim.snapshot();
    String green = greenGroup(s);
    assertNotEquals(blueGroup, green);
    assertEquals(Map.of(green, 100), production(s), "rerouted at once, as the tutorial's group says");
    assertEquals(100.0, s.current().taskSets().stream().filter(t -> t.label().equals("Green")).findFirst()
        .orElseThrow().trafficWeight());
    var answering = ListenerTargets.of(s, s.traffic().route("Production")).get(0);
    assertEquals("Green", answering.label());
    String image = answering.taskSet().images().get(0);
    assertTrue(image.startsWith("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo:"), image);
    assertTrue(revision.startsWith(image.substring(image.indexOf(':') + 1)),
        "the image is tagged with the commit: " + image + " / " + revision);
    assertNotNull(s.current().terminationDeadline());
    assertTrue(DeploymentActions.allowed(Action.TERMINATE, s).allowed());

    sim.until(x -> status(x).equals("Succeeded"), Duration.ofMinutes(65));
    sim.until(x -> x.service().taskSets().size() == 1, Duration.ofMinutes(1));
    assertEquals(List.of(green), sim.snapshot().service().taskSets().stream().map(ServiceView.TaskSet::targetGroup)
        .toList(), "the original task set is gone");
    sim.until(x -> !x.pipeline().active(), LIMIT);
    assertEquals("Succeeded", sim.snapshot().pipeline().executions().get(0).status());
    assertFalse(sim.snapshot().active());
  }
}
