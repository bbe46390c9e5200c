package org.bgwizard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.Test;

class DeploymentTargetTest {
  @Test
  void ofTheTutorialSetup_namesTheGroupThePipelineAndTheCodeCommitBranch() {
    var target = DeploymentTarget.of(SpecDefaults.tutorial("demo", "us-east-1"));

    assertEquals("AppECS-demo-cluster-demo-service", target.application());
    assertEquals("DgpECS-demo-cluster-demo-service", target.deploymentGroup());
    assertEquals("demo-pipeline", target.pipeline());
    assertEquals(new DeploymentTarget.SourceBranch("demo", "main"), target.source());
    assertTrue(target.practicable());
  }

  @Test
  void ofAnEcsNativeSetup_watchesTheServiceNotACodeDeployGroup() {
    var spec = SpecDefaults.tutorial("demo", "us-east-1").withStrategy(Strategy.ECS_NATIVE).withCodeDeploy(null);

    var target = DeploymentTarget.of(spec);

    assertTrue(target.isNative());
    assertEquals(new DeploymentTarget.EcsService("demo-cluster", "demo-service"), target.ecsService());
    assertNull(target.application());
    assertEquals("demo-cluster / demo-service", target.displayName());
    assertEquals("demo-pipeline", target.pipeline());
    assertTrue(target.practicable());
  }

  @Test
  void ofASetupWithAnS3Source_hasNoBranchToPractiseOn() {
    var spec = SpecDefaults.tutorial("demo", "us-east-1");
    spec = spec.withSource(Source.s3("bucket", "app.zip", false));

    var target = DeploymentTarget.of(spec);

    assertNull(target.source());
    assertFalse(target.practicable());
  }

  @Test
  void ofASetupWithoutPipeline_watchesTheGroupAlone() {
    var target = DeploymentTarget.of(SpecDefaults.tutorial("demo", "us-east-1").withPipeline(null));

    assertNull(target.pipeline());
    assertFalse(target.practicable());
  }
}
