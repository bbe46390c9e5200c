package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.ProvisionError;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.EcsException;

class ApplyDetailsTest {
  @TempDir
  Path dir;

  @Test
  void everyResourceCarriesTheSetupTag() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());

    List<TaggedResource> tagged = h.clients == null ? List.of()
        : AwsResources.of(h.clients).tagged().find(SetupSpec.SETUP_TAG, "demo");

    assertEquals(Inventory.of(h.clients).size(), tagged.size(), tagged::toString);
    // every kind but a connection (the tutorial's source is CodeCommit), a listener rule (ECS blue/green only), and
    // the approval topic and its e-mail subscription (setups with environments only)
    assertEquals(ResourceKind.values().length - 4, tagged.stream().map(TaggedResource::kind).distinct().count());
  }

  @Test
  void aNewCodeCommitRepository_getsTheGeneratedFilesAsItsFirstCommit() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());

    var folder = h.clients.codeCommit().getFolder(r -> r.repositoryName("demo").folderPath("/"));
    List<String> files = folder.files().stream().map(f -> f.absolutePath()).sorted().toList();

    assertEquals(List.of("Dockerfile", "appspec.yaml", "buildspec.yml", "taskdef.json"), files);
    assertEquals(List.of("html"), folder.subFolders().stream().map(f -> f.absolutePath()).toList());
    String taskdef = h.clients.codeCommit().getFile(r -> r.repositoryName("demo").filePath("taskdef.json"))
        .fileContent().asUtf8String();
    assertTrue(taskdef.contains("<IMAGE1_NAME>"), taskdef);
  }

  @Test
  void createService_sendsTheJournalsClientToken() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());

    var request = h.requests.stream().filter(CreateServiceRequest.class::isInstance).map(CreateServiceRequest.class::cast)
        .findFirst().orElseThrow();

    String token = h.journal().entry(new ResourceRef("ecs-service", "demo-service")).orElseThrow().clientToken();
    assertEquals(token, request.clientToken());
  }

  @Test
  void aFailure_namesStepResourceCodeMessageRequestId_andTheCatalogueRow() throws Exception {
    var h = new SandboxHarness(dir);
    h.sandbox.faults().failNth(Service.ECS, "CreateService", 1, () -> EcsException.builder().statusCode(400)
        .requestId("req-4711").awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterException")
            .errorMessage("The target group with targetGroupArn arn:x does not have an associated load balancer.")
            .build()).build());

    ProvisionResult result = h.apply();

    ProvisionError error = result.failed().get(0);
    assertEquals(new ResourceRef("ecs-service", "demo-service"), error.resource());
    assertEquals("InvalidParameterException", error.details().code());
    assertEquals("req-4711", error.details().requestId());
    assertEquals(1, error.attempts(), "a permanent error is never retried");
    assertEquals(13, error.diagnosis().orElseThrow().row());
    String shown = error.describe(Locale.ENGLISH);
    assertTrue(shown.contains("aws ecs create-service"), shown);
    assertFalse(result.skipped().isEmpty(), "what depends on it did not start");
  }
}
