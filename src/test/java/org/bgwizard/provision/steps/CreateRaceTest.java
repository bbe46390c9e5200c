package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ProvisionError;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codecommit.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;

/**
 * Another machine creates a resource between this apply's look-up and its create (issue 13), so the create call
 * answers "already exists". The step finds it again: tagged as the setup's, it is recorded as the setup's own (teardown
 * deletes it); without the tag it stays the user's, and the step fails saying so, and whose it is.
 */
class CreateRaceTest {
  @TempDir
  Path dir;

  /** Each create that answers "already exists", and the same request without the setup's tag. */
  static Stream<Arguments> creates() {
    return Stream.of(
        arguments("iam-role", "IamClient", "CreateRole", untag(r -> ((CreateRoleRequest) r).toBuilder()
            .tags((Collection<software.amazon.awssdk.services.iam.model.Tag>) null).build())),
        arguments("ec2-security-group", "Ec2Client", "CreateSecurityGroup", untag(r -> ((CreateSecurityGroupRequest) r)
            .toBuilder().tagSpecifications((Collection<TagSpecification>) null).build())),
        arguments("logs-log-group", "CloudWatchLogsClient", "CreateLogGroup", untag(r -> ((CreateLogGroupRequest) r)
            .toBuilder().tags(Map.of()).build())),
        arguments("ecr-repository", "EcrClient", "CreateRepository", untag(r ->
            ((software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest) r).toBuilder()
                .tags((Collection<software.amazon.awssdk.services.ecr.model.Tag>) null).build())),
        arguments("codedeploy-application", "CodeDeployClient", "CreateApplication", untag(r ->
            ((CreateApplicationRequest) r).toBuilder()
                .tags((Collection<software.amazon.awssdk.services.codedeploy.model.Tag>) null).build())),
        arguments("codedeploy-deployment-group", "CodeDeployClient", "CreateDeploymentGroup", untag(r ->
            ((CreateDeploymentGroupRequest) r).toBuilder()
                .tags((Collection<software.amazon.awssdk.services.codedeploy.model.Tag>) null).build())),
        arguments("codebuild-project", "CodeBuildClient", "CreateProject", untag(r -> ((CreateProjectRequest) r)
            .toBuilder().tags((Collection<software.amazon.awssdk.services.codebuild.model.Tag>) null).build())),
        arguments("codepipeline-pipeline", "CodePipelineClient", "CreatePipeline", untag(r ->
            ((CreatePipelineRequest) r).toBuilder()
                .tags((Collection<software.amazon.awssdk.services.codepipeline.model.Tag>) null).build())),
        arguments("codecommit-repository", "CodeCommitClient", "CreateRepository", untag(r ->
            ((CreateRepositoryRequest) r).toBuilder().tags(Map.of()).build())));
  }

  private static UnaryOperator<Object> untag(UnaryOperator<Object> f) {
    return f;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void apply_whenAnotherApplyOfTheSetupCreatesItFirst_recordsItAsTheSetupsAndTeardownDeletesIt(String kind,
      String client, String operation, UnaryOperator<Object> untagged) throws Exception {
    var h = new SandboxHarness(dir);
    h.beforeNext(client, operation, UnaryOperator.identity());

    var result = h.apply();

    ProvisionError failed = onlyFailure(result.failed(), kind);
    assertTrue(failed.details().message().contains("It carries the tag bgwizard:setup=demo: another apply of this"
        + " setup made it, so it is recorded as this setup's"), failed::toString);
    JournalEntry entry = h.journal().entry(failed.resource()).orElseThrow();
    assertEquals(Origin.CREATE, entry.origin());
    assertEquals(JournalEntry.State.CREATED, entry.state());
    assertTrue(h.apply().succeeded(), "apply again goes on with it");
    assertTrue(h.teardown().succeeded());
    assertEquals(List.of(), Inventory.of(h.clients));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void apply_whenSomeoneCreatesItFirstWithoutTheTag_failsSayingSoAndNeverDeletesIt(String kind, String client,
      String operation, UnaryOperator<Object> untagged) throws Exception {
    var h = new SandboxHarness(dir);
    h.beforeNext(client, operation, untagged);

    var result = h.apply();

    ProvisionError failed = onlyFailure(result.failed(), kind);
    assertTrue(failed.details().message().contains("It does not carry the tag bgwizard:setup=demo, so it is not"
        + " this setup's: apply leaves it alone and teardown never deletes it"), failed::toString);
    var journal = h.journal();
    assertTrue(journal.entry(failed.resource()).isEmpty(), () -> journal.entry(failed.resource()).toString());
    String line = kind + "/" + failed.resource().name();
    List<String> kept = Inventory.of(h.clients);
    assertTrue(kept.stream().anyMatch(l -> l.startsWith(line)), kept::toString);
    assertTrue(h.teardown().succeeded());
    List<String> left = Inventory.of(h.clients);
    // DeleteApplication deletes the application's groups too (CodeDeploy API Reference): the setup's application goes
    if (!kind.equals("codedeploy-deployment-group")) {
      assertTrue(left.stream().anyMatch(l -> l.startsWith(line)), left::toString);
    }
  }

  private static ProvisionError onlyFailure(List<ProvisionError> failed, String kind) {
    assertEquals(1, failed.size(), failed::toString);
    assertEquals(kind, failed.get(0).resource().kind(), failed::toString);
    return failed.get(0);
  }
}
