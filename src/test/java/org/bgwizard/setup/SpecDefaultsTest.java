package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecDefaultsTest {

  @Test
  void tutorial_healthyAfterTenSeconds_drainsThirty_keepsOriginalFifteenMinutes() {
    SetupSpec spec = SpecDefaults.tutorial("demo", "us-east-1");
    LoadBalancer.HealthCheck hc = spec.loadBalancer().healthCheck();
    assertEquals(10, hc.intervalSeconds() * hc.healthyThreshold());
    assertEquals(15, hc.intervalSeconds() * hc.unhealthyThreshold());
    assertEquals(4, hc.timeoutSeconds());
    assertEquals(30, spec.loadBalancer().deregistrationDelaySeconds());
    assertEquals(15, spec.codeDeploy().terminationWaitMinutes());
    assertEquals(CodeDeploy.Reroute.IMMEDIATELY, spec.codeDeploy().reroute());
    assertEquals(0, SpecValidator.validate(spec).size(), () -> SpecValidator.validate(spec).toString());
  }

  @Test
  void setupFileWrittenWithEarlierDefaults_keepsItsOwnValues() throws Exception {
    SetupSpec spec;
    try (InputStream in = getClass().getResourceAsStream("/org/bgwizard/ui/wizard/other-setup.json")) {
      spec = SpecJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(new LoadBalancer.HealthCheck(15, 5, 2, 3, "200-399"), spec.loadBalancer().healthCheck());
    assertEquals(30, spec.loadBalancer().deregistrationDelaySeconds());
    assertEquals(60, spec.codeDeploy().terminationWaitMinutes());
  }
}
