package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.aws.TaggedResources;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply converges (issue 13) the setup's tags on every kind it creates, in place, with each service's own tagging call
 * (ELB AddTags/RemoveTags, ECS and CodeDeploy and Logs and CodeCommit TagResource/UntagResource, S3 PutBucketTagging,
 * EC2 CreateTags/DeleteTags), and makes no call at all for them when nothing changed.
 */
class TagConvergeTest {
  /** CodeBuild has no tagging call of its own: a project's tags change with UpdateProject. */
  private static final Set<String> TAG_WRITES = Set.of("AddTags", "RemoveTags", "TagResource", "UntagResource",
      "PutBucketTagging", "CreateTags", "DeleteTags", "TagRole", "UpdateProject");

  @TempDir
  Path dir;

  private static Set<ResourceKind> kindsTagged(SandboxHarness h, String key, String value) {
    return new TaggedResources(h.clients).find(key, value).stream().map(TaggedResource::kind)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceKind.class)));
  }

  @Test
  void apply_changedTags_tagsEveryKindInPlace_thenAnotherApplyWritesNothing() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    Set<ResourceKind> kinds = kindsTagged(h, "bgwizard:setup", h.spec.name());
    var changed = new SandboxHarness(dir, h.spec.withTags(Map.of("team", "blue")), h);

    SetupPlan plan = changed.ops.plan(changed.spec, changed.journal());
    for (ResourceKind kind : TagChanges.CONVERGED) {
      plan.awsSteps().stream().filter(s -> s.kind() == kind).forEach(s -> {
        PlanStatus status = plan.status(s.ref());
        assertTrue(status.differences().contains("tag team: none → blue"), s.ref() + ": " + status.differences());
        assertTrue(status.updateCommand() != null && status.updateCommand().contains("team"), s.ref() + ": "
            + status.updateCommand());
      });
    }
    int calls = h.calls().size();
    var result = changed.apply();

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> operations = h.operations().subList(calls, h.calls().size());
    assertEquals(List.of(), operations.stream().filter(ApplyTest::mutating)
        .filter(o -> !TAG_WRITES.contains(o)).toList(), operations::toString);
    Set<ResourceKind> tagged = kindsTagged(h, "team", "blue");
    assertTrue(tagged.containsAll(kinds), "untagged: " + new TreeSet<>(kinds.stream().filter(k -> !tagged.contains(k))
        .map(ResourceKind::id).toList()));

    int after = h.calls().size();
    assertTrue(changed.apply().succeeded());
    List<String> again = h.operations().subList(after, h.calls().size());
    assertEquals(List.of(), again.stream().filter(ApplyTest::mutating).toList(), again::toString);
    assertTrue(again.size() <= 30, again.size() + " calls: " + again);
  }

  @Test
  void apply_tagDroppedFromTheSetup_removesItFromTheKindsThatConvergeHere() throws Exception {
    var h = new SandboxHarness(dir, SpecDefaults.tutorial("demo", "us-east-1").withTags(Map.of("team", "blue",
        "cost", "42")), Runnable::run);
    assertTrue(h.apply().succeeded());
    var dropped = new SandboxHarness(dir, h.spec.withTags(Map.of("team", "blue")), h);

    SetupPlan plan = dropped.ops.plan(dropped.spec, dropped.journal());
    var cluster = plan.awsSteps().stream().filter(s -> s.kind() == ResourceKind.CLUSTER).findFirst().orElseThrow();
    assertTrue(plan.status(cluster.ref()).differences().contains("tag cost: 42 → removed"),
        () -> plan.status(cluster.ref()).differences().toString());
    assertTrue(plan.status(cluster.ref()).updateCommand().contains("aws ecs untag-resource --resource-arn "),
        plan.status(cluster.ref())::updateCommand);
    assertTrue(dropped.apply().succeeded());

    Set<ResourceKind> stillTagged = kindsTagged(h, "cost", "42");
    assertTrue(stillTagged.stream().noneMatch(TagChanges.CONVERGED::contains), stillTagged::toString);
  }

  @Test
  void apply_changedTags_afterATaggingCallLostItsResponse_resumes_withoutDuplicates_andEndsTagged() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    List<String> before = Inventory.of(h.clients);
    var changed = new SandboxHarness(dir, h.spec.withTags(Map.of("team", "blue")), h);
    changed.loseResponseOf("ElasticLoadBalancingV2Client", "AddTags", 1);

    assertFalse(changed.apply().succeeded(), "the tags went on, their caller saw an error");
    assertTrue(changed.apply().succeeded());

    assertEquals(before, Inventory.of(h.clients), "the same resources, none twice");
    Set<ResourceKind> tagged = kindsTagged(h, "team", "blue");
    assertTrue(tagged.containsAll(TagChanges.CONVERGED), tagged::toString);
    int after = h.calls().size();
    assertTrue(changed.apply().succeeded());
    assertEquals(List.of(), h.operations().subList(after, h.calls().size()).stream().filter(ApplyTest::mutating)
        .toList());
  }
}
