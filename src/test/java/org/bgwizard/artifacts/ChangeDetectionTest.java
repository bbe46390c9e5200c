package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bgwizard.setup.Source;
import org.junit.jupiter.api.Test;

class ChangeDetectionTest {

  @Test
  void codeCommitPattern_isTheOneOfTheCodePipelineGuide_forTheSetupsRepositoryAndBranch() {
    var pattern = ChangeDetection.pattern(Specs.tutorial(), Specs.TARGET).orElseThrow();

    assertEquals(Json.read("{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State Change\"],"
        + "\"resources\":[\"arn:aws:codecommit:ap-northeast-1:123456789012:demo\"],\"detail\":{\"event\":"
        + "[\"referenceCreated\",\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"main\"]}}"),
        pattern);
  }

  @Test
  void s3Pattern_matchesObjectCreatedForTheBucketAndKey() {
    var pattern = ChangeDetection.pattern(Specs.withS3Source(Specs.tutorial()), Specs.TARGET).orElseThrow();

    assertEquals(Json.read("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":"
        + "{\"name\":[\"demo-source\"]},\"object\":{\"key\":[\"app/source.zip\"]}}}"), pattern);
  }

  @Test
  void aConnection_needsNoRule() {
    var github = new Source(Source.Provider.GITHUB, null, "main", false, false, null, null,
        "arn:aws:codeconnections:ap-northeast-1:123456789012:connection/1a2b3c4d-0000-4000-a000-000000000000",
        "learner/demo", null, null);
    var spec = Specs.tutorial().withSource(github);

    assertFalse(ChangeDetection.needsRule(github));
    assertTrue(ChangeDetection.pattern(spec, Specs.TARGET).isEmpty());
    assertTrue(ExportFiles.generate(spec, Specs.TARGET).stream().noneMatch(f -> f.path().contains("events")));
  }

  @Test
  void theEventsRole_isTrustedByEventBridgeOnly_andMayOnlyStartThisPipeline() {
    var trust = ChangeDetection.trustPolicy();
    var permissions = ChangeDetection.permissions(Specs.tutorial(), Specs.TARGET);

    assertEquals("events.amazonaws.com", trust.path("Statement").get(0).path("Principal").path("Service").asText());
    assertEquals(1, permissions.path("Statement").size());
    var statement = permissions.path("Statement").get(0);
    assertEquals(List.of("codepipeline:StartPipelineExecution"), List.of(statement.path("Action").get(0).asText()));
    assertEquals(Arns.of(Specs.tutorial(), Specs.TARGET).pipeline(), statement.path("Resource").get(0).asText());
    assertEquals("demo-events", ChangeDetection.roleName(Specs.tutorial()));
    assertEquals("demo-source-change", ChangeDetection.ruleName(Specs.tutorial()));
  }
}
