package org.bgwizard.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.bgwizard.app.SandboxClientSource;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.ProvisionResult;
import org.bgwizard.provision.Provisioner;
import org.bgwizard.provision.steps.SdkErrorClassifier;
import org.bgwizard.provision.steps.SetupOperations;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/**
 * The tutorial setup applied by the provisioner in a simulated account on a manual clock: the CodeCommit repository
 * with the starter app, CodeBuild, the pipeline (whose creation starts its first run), CodeDeploy blue/green over
 * the ECS service behind the load balancer. Waits advance the clock, so applying costs no real time.
 */
public final class TutorialSandbox {
  public static final String REGION = "us-east-1";
  public final ManualClock clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
  public final Sandbox sandbox = Sandbox.inMemory(REGION, clock);
  public final AwsClients clients = AwsClients.sandbox(new SandboxClientSource(sandbox), REGION);
  public final SetupSpec spec;

  private TutorialSandbox(SetupSpec spec) {
    this.spec = spec;
  }

  /** {@code spec} applied; the pipeline's first run has just started. */
  public static TutorialSandbox applied(SetupSpec spec, Path journalDir) throws Exception {
    var t = new TutorialSandbox(spec);
    Provisioner provisioner = Provisioner.builder(Runnable::run).clock(t.clock).sleeper(t::advance)
        .classifier(new SdkErrorClassifier()).describer(new SdkErrorClassifier())
        .retryPolicy(SetupOperations.RETRY_POLICY).random(new Random(7)).build();
    var ops = new SetupOperations(t.clients, provisioner);
    ProvisionResult result = ops.apply(ops.plan(spec), Journal.open(journalDir.resolve("demo.journal.json"), t.clock),
        ProvisionListener.NONE);
    if (!result.succeeded()) {
      throw new AssertionError("apply failed: " + result.failed());
    }
    return t;
  }

  /** The tutorial ({@code demo}, reroute at once, original terminated after 60 minutes). */
  public static TutorialSandbox applied(Path journalDir) throws Exception {
    return applied(SpecDefaults.tutorial("demo", REGION), journalDir);
  }

  public DeploymentTarget target() {
    return DeploymentTarget.of(spec);
  }

  public void advance(Duration d) {
    clock.advance(d);
    sandbox.account().advanceToNow();
  }

  /** A dashboard monitor on this account, driven by the same manual clock. */
  public DashboardSim dashboard() {
    return new DashboardSim(sandbox, clock, target(), this::advance);
  }
}
