package org.bgwizard.sandbox;

import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.ecs.EcsEngine;
import org.bgwizard.sandbox.elb.ElbEngine;
import org.bgwizard.sandbox.iam.IamEngine;

/** What the tests of one service reach inside a {@link Sandbox}: its ports and the engines. */
public final class SandboxInternals {
  private SandboxInternals() {}

  public static Ports ports(Sandbox sandbox) {
    return sandbox.ports;
  }

  public static EcsEngine ecsEngine(Sandbox sandbox) {
    return sandbox.ecsEngine;
  }

  public static ElbEngine elbEngine(Sandbox sandbox) {
    return sandbox.elbEngine;
  }

  public static IamEngine iamEngine(Sandbox sandbox) {
    return sandbox.iamEngine;
  }
}
