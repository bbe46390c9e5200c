package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.SdkDeploymentReader;
import org.bgwizard.aws.SdkPracticeSource;
import org.bgwizard.sandbox.PipelineSandbox;
import org.junit.jupiter.api.Test;

/** Practice releases in the sandbox: the next version line, the behaviour file, and a pipeline run. */
class PracticeTest {
  private final PipelineSandbox p = PipelineSandbox.tutorial();
  private final AwsClients clients = AwsClients.sandbox(new SandboxClientSource(p.sandbox()), "us-east-1");
  private final SdkPracticeSource source = new SdkPracticeSource(clients);
  private final Practice practice = new Practice(source);

  @Test
  void brokenRelease_commitsTheNextVersionAndTheBehaviour_andStartsThePipeline() {
    int runsBefore = new SdkDeploymentReader(clients).pipelineExecutions(p.pipelineName()).size();
    String id = practice.release(p.repository(), p.branch(), p.pipelineName(), Practice.Behaviour.UNHEALTHY);

    String index = source.readFile(p.repository(), p.branch(), Practice.INDEX_HTML);
    assertTrue(index.contains("Version 2") && !index.contains("Version 1"), index);
    assertTrue(source.readFile(p.repository(), p.branch(), Practice.RELEASE_FILE).contains("\"UNHEALTHY\""));
    var runs = new SdkDeploymentReader(clients).pipelineExecutions(p.pipelineName());
    assertEquals(runsBefore + 1, runs.size());
    assertEquals(id, runs.get(0).id());
  }

  @Test
  void anotherRelease_countsOn() {
    practice.release(p.repository(), p.branch(), p.pipelineName(), Practice.Behaviour.HEALTHY);
    practice.release(p.repository(), p.branch(), p.pipelineName(), Practice.Behaviour.CRASHES);
    assertTrue(source.readFile(p.repository(), p.branch(), Practice.INDEX_HTML).contains("Version 3"));
  }

  @Test
  void anIndexWithoutAVersionLine_isRefused() {
    assertThrows(IllegalStateException.class, () -> Practice.nextVersion("<h1>hello</h1>"));
  }
}
