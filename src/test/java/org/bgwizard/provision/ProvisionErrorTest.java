package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.bgwizard.catalogue.Catalogue;
import org.bgwizard.provision.ProvisionError.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionErrorTest {
  private static final ResourceRef GROUP = new ResourceRef("codedeploy-deployment-group", "DgpECS-bg");
  private static final ErrorDescriber AWS_LIKE = error -> new ErrorDetails("InvalidRoleException",
      error.getMessage(), "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

  @Test
  void of_namesStepResourceCodeMessageRequestId_andTheCatalogueDiagnosis() {
    var error = ProvisionError.of(GROUP, Action.APPLY, "aws deploy create-deployment-group …",
        new RuntimeException("Cannot assume role provided."), AWS_LIKE);

    assertEquals(new ErrorDetails("InvalidRoleException", "Cannot assume role provided.",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), error.details());
    assertEquals(Optional.of(Catalogue.entry(15)), error.diagnosis());
    String text = error.describe(Locale.ENGLISH);
    assertTrue(text.startsWith("Creating codedeploy-deployment-group/DgpECS-bg failed:\n"
        + "  InvalidRoleException: Cannot assume role provided. (request id 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0)\n"
        + "  Likely cause (failure catalogue row 15): "), text);
    assertTrue(text.contains(Catalogue.entry(15).fix(Locale.ENGLISH)));
    assertTrue(text.endsWith("\n  The same by hand: aws deploy create-deployment-group …"), text);
  }

  @Test
  void of_retriesThatRanOut_reportTheLastAwsErrorAndTheAttempts() {
    var last = new RuntimeException("Cannot assume role provided.");
    var error = ProvisionError.of(GROUP, Action.APPLY, null,
        new RetriesExhaustedException("create", 14, java.time.Duration.ofMinutes(5), last), AWS_LIKE);

    assertEquals("Cannot assume role provided.", error.details().message());
    assertEquals(14, error.attempts());
    assertTrue(error.describe(Locale.ENGLISH).startsWith("Creating codedeploy-deployment-group/DgpECS-bg failed after"
        + " 14 attempts:"));
  }

  @Test
  void describe_withoutCodeRequestIdOrDiagnosis_saysOnlyWhatIsKnown() {
    var error = ProvisionError.of(GROUP, Action.DELETE, null, new IllegalStateException("disk full"),
        ErrorDescriber.PLAIN);
    assertEquals(Optional.empty(), error.diagnosis());
    assertEquals("Deleting codedeploy-deployment-group/DgpECS-bg failed:\n  disk full", error.describe(Locale.ENGLISH));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Cannot assume role provided.",
      "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/p",
      "CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::123456789012:role/b"})
  void isIamPropagation_knowsTheThreeRow15Texts(String message) {
    assertTrue(TransientErrorClassifier.isIamPropagation(message));
  }

  @ParameterizedTest
  @ValueSource(strings = {"User is not authorized to perform: iam:PassRole", "Rate exceeded", ""})
  void isIamPropagation_rejectsOtherTexts(String message) {
    assertFalse(TransientErrorClassifier.isIamPropagation(message));
  }
}
