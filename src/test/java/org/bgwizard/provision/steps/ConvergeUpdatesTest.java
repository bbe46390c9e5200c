package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates in place are journaled steps (issue 13): one whose response was lost is found done by the next apply. */
class ConvergeUpdatesTest {
  @TempDir
  Path dir;

  @Test
  void apply_afterUpdatePipelineLostItsResponse_resumes_withoutUpdatingTwice_andEndsUpdated() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    List<String> before = Inventory.of(h.clients);
    CodeBuild build = h.spec.codeBuild();
    Pipeline pipeline = h.spec.pipeline();
    var changed = new SandboxHarness(dir, h.spec.withCodeBuild(new CodeBuild(build.project(), build.image(),
        "BUILD_GENERAL1_MEDIUM", build.privileged(), build.taskDefinitionMode(), build.dockerHubSecretArn(),
        build.timeoutMinutes())).withPipeline(new Pipeline(pipeline.name(), pipeline.artifactBucket(), true,
        pipeline.approvalTopicArn())), h);
    changed.loseResponseOf("CodePipelineClient", "UpdatePipeline", 1);

    assertFalse(changed.apply().succeeded(), "the update went through, its caller saw an error");
    int calls = h.calls().size();
    assertTrue(changed.apply().succeeded());

    List<String> again = h.operations().subList(calls, h.calls().size());
    assertFalse(again.stream().anyMatch(o -> o.startsWith("Create") || o.startsWith("Update")), again::toString);
    assertEquals(before, Inventory.of(h.clients), "the same resources, none twice");
    var stages = h.clients.codePipeline().getPipeline(r -> r.name(pipeline.name())).pipeline().stages();
    assertTrue(stages.stream().anyMatch(s -> s.name().equals("Approval")), stages::toString);
    assertEquals("BUILD_GENERAL1_MEDIUM", h.clients.codeBuild().batchGetProjects(r -> r.names(build.project()))
        .projects().get(0).environment().computeTypeAsString());
    assertTrue(changed.journal().entries().stream().allMatch(e -> e.state() == JournalEntry.State.DONE
        && e.origin() == Origin.CREATE));
  }

  @Test
  void plan_whenIamRefusesTheOneReadOfEveryRole_readsEachRoleAlone_andStillSeesTheirPolicies() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    h.clients.iam().deleteRolePolicy(r -> r.roleName("demo-codebuild").policyName(RoleStep.POLICY_NAME));
    h.sandbox.faults().deny(Service.IAM, "GetAccountAuthorizationDetails");
    int before = h.calls().size();

    SetupPlan plan = h.ops.plan(h.spec, h.journal());

    List<String> operations = h.operations().subList(before, h.calls().size());
    assertEquals(5, operations.stream().filter(o -> o.equals("GetRolePolicy")).count(), operations::toString);
    PlanStatus role = plan.status(new ResourceRef("iam-role", "demo-codebuild"));
    assertEquals(PlanStatus.Kind.EXISTS_DIFFERS, role.kind(), plan::describe);
    assertEquals("inline policy bgwizard-permissions: none → the setup's permissions", role.changes().get(0)
        .toString());
    assertEquals(PlanStatus.Kind.EXISTS_MATCHES, plan.status(new ResourceRef("iam-role", "demo-codedeploy")).kind());
  }

  @Test
  void plan_withoutTheJournal_whenRepositoryTagsCannotBeRead_treatsItAsTheUsers_insteadOfFailingItsLookup()
      throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    var other = new SandboxHarness(dir.resolve("other"), h);
    h.sandbox.faults().deny(Service.ECR, "ListTagsForResource");

    SetupPlan plan = other.ops.plan(other.spec, other.journal());

    ResourceRef repository = new ResourceRef("ecr-repository", "demo");
    assertEquals(PlanStatus.Kind.EXISTS_MATCHES, plan.status(repository).kind(), plan::describe);
    Ownership owner = plan.ownership(repository).orElseThrow();
    assertEquals(Ownership.Owner.UNKNOWN, owner.owner());
    assertTrue(owner.note().contains("ecr:ListTagsForResource"), owner.note());
  }
}
