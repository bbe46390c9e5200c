package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account files written before the sandbox was split into packages (the demo setup applied, with a pipeline run under
 * way; a blue/green deployment waiting for reroute) open unchanged: every field read back, every service answering.
 */
class SavedStateCompatibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  private Path copyOf(String resource) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static Sandbox open(Path file) throws IOException {
    return Sandbox.open(file, "us-east-1", ManualClock::new, Sleeper.NONE);
  }

  @Test
  void appliedDemoAccount_readsBackEveryField() throws IOException {
    Path file = copyOf("state-v1-applied-demo.json");
    JsonNode saved = JSON.readTree(file.toFile());

    assertEquals(saved, JSON.readTree(open(file).account().snapshotJson()));
  }

  @Test
  void midDeploymentAccount_readsBackEveryField() throws IOException {
    Path file = copyOf("state-v1-mid-deployment.json");
    JsonNode saved = JSON.readTree(file.toFile());

    assertEquals(saved, JSON.readTree(open(file).account().snapshotJson()));
  }

  @Test
  void appliedDemoAccount_servicesAnswerFromIt() throws IOException {
    Sandbox sandbox = open(copyOf("state-v1-applied-demo.json"));

    var service = sandbox.ecs().describeServices(b -> b.cluster("demo-cluster").services("demo-service"))
        .services().get(0);
    assertEquals("ACTIVE", service.status());
    assertEquals("CODE_DEPLOY", service.deploymentController().typeAsString());
    assertEquals(1, sandbox.codePipeline().listPipelines().pipelines().size());
    assertEquals("demo-alerts", sandbox.sns().listTopics().topics().get(0).topicArn().replaceAll(".*:", ""));
    assertEquals("demo/token", sandbox.secretsManager().describeSecret(b -> b.secretId("demo/token")).name());
    assertEquals(1, sandbox.codeConnections().listConnections(b -> { }).connections().size());
  }

  @Test
  void midDeploymentAccount_deploymentGoesOnWaitingForReroute() throws IOException {
    Sandbox sandbox = open(copyOf("state-v1-mid-deployment.json"));

    String id = sandbox.codeDeploy().listDeployments(b -> b.applicationName(BlueGreenSandbox.APPLICATION)
        .deploymentGroupName(BlueGreenSandbox.GROUP)).deployments().get(0);
    var info = sandbox.codeDeploy().getDeployment(b -> b.deploymentId(id)).deploymentInfo();
    assertEquals("Ready", info.statusAsString());
  }
}
