package org.bgwizard.sandbox;

import java.time.Duration;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.setup.Pipeline;

/** The tutorial's pipeline with a manual approval stage in a sandbox (CodeDeploy faked), for tests outside this package. */
public final class PipelineSandbox {
  private final PipelineFixture f = new PipelineFixture();

  public static PipelineSandbox withApproval() {
    var p = new PipelineSandbox();
    p.f.spec = p.f.spec.withPipeline(new Pipeline("demo-pipeline", null, true, null));
    p.f.withPipeline();
    return p;
  }

  /** The tutorial's pipeline without approval, its first run started. */
  public static PipelineSandbox tutorial() {
    var p = new PipelineSandbox();
    p.f.withPipeline();
    return p;
  }

  public String repository() {
    return f.spec.source().repository();
  }

  public String branch() {
    return f.spec.source().branch();
  }

  public Sandbox sandbox() {
    return f.sandbox;
  }

  public ManualClock clock() {
    return f.clock;
  }

  public String pipelineName() {
    return f.pipelineName();
  }

  public void advance(Duration d) {
    f.advance(d.toSeconds());
  }

  /** Deployments the Deploy stage has asked for. */
  public int deploymentsRequested() {
    return f.deployer.deployments.size();
  }
}
