package org.bgwizard.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bgwizard.sandbox.SandboxFixtures.BlueGreenService;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;

/** A blue/green ECS service with its deployment group in a sandbox on a manual clock, for tests outside this package. */
public final class BlueGreenSandbox {
  public static final String APPLICATION = SandboxFixtures.APPLICATION;
  public static final String GROUP = SandboxFixtures.GROUP;
  public static final String ALL_AT_ONCE = "CodeDeployDefault.ECSAllAtOnce";
  public static final String CANARY = "CodeDeployDefault.ECSCanary10Percent5Minutes";

  private final BlueGreenService f;

  private BlueGreenSandbox(BlueGreenService f) {
    this.f = f;
  }

  /** A fresh account; {@code readyWaitMinutes} null reroutes at once. */
  public static BlueGreenSandbox create(String config, Integer readyWaitMinutes, int terminationWaitMinutes) {
    return new BlueGreenSandbox(SandboxFixtures.blueGreenService(GroupOptions.defaults().config(config)
        .readyWait(readyWaitMinutes).terminationWait(terminationWaitMinutes)));
  }

  /** The same as {@link #create} in an account saved to {@code file}. */
  public static BlueGreenSandbox createIn(Path file, String config, Integer readyWaitMinutes,
      int terminationWaitMinutes) throws IOException {
    ManualClock clock = ManualClock.startingAt(SandboxFixtures.START);
    Sandbox sandbox = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    return new BlueGreenSandbox(SandboxFixtures.blueGreenService(sandbox, clock, GroupOptions.defaults()
        .config(config).readyWait(readyWaitMinutes).terminationWait(terminationWaitMinutes)));
  }

  /** The account saved in {@code file}, reopened where its simulated time stopped. */
  public static BlueGreenSandbox reopen(Path file, BlueGreenSandbox before) throws IOException {
    ManualClock clock = ManualClock.startingAt(SandboxFixtures.START);
    Sandbox sandbox = Sandbox.open(file, "us-east-1", t -> {
      clock.set(t);
      return clock;
    }, Sleeper.NONE);
    return new BlueGreenSandbox(before.f.in(sandbox, clock));
  }

  public Sandbox sandbox() {
    return f.sandbox;
  }

  public ManualClock clock() {
    return f.clock;
  }

  public void advance(Duration d) {
    f.advance(d);
  }

  /** A deployment of a new task definition revision running a good image. */
  public String deployGood() {
    return f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
  }

  /** A deployment whose image cannot be pulled (an unqualified name, catalogue row 18). */
  public String deployBroken() {
    return f.deploy(f.registerTaskDefinition(SandboxFixtures.BROKEN_IMAGE));
  }
}
