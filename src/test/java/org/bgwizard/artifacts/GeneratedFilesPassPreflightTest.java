package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the app generates must pass its own preflight: the generators and the checks agree on every contract. */
class GeneratedFilesPassPreflightTest {
  private static final Map<ServiceRole, String> KEYS = Map.of(
      ServiceRole.TASK_EXECUTION, PreflightInput.TASK_EXECUTION,
      ServiceRole.CODE_DEPLOY, PreflightInput.CODE_DEPLOY,
      ServiceRole.CODE_BUILD, PreflightInput.CODE_BUILD,
      ServiceRole.CODE_PIPELINE, PreflightInput.CODE_PIPELINE);

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("tutorial", Specs.tutorial()),
        Arguments.of("ARM64, taskdef generated in the build, Docker Hub secret", Specs.variant()),
        Arguments.of("approval stage", Specs.withApproval(Specs.tutorial(), "arn:aws:sns:ap-northeast-1:123456789012:ok")),
        Arguments.of("S3 source", Specs.withS3Source(Specs.tutorial())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void generatedFilesAndPolicies_haveNoPreflightErrorsOrWarnings(String label, SetupSpec spec) {
    Map<String, String> files = new HashMap<>();
    RepoFiles.generate(spec, Specs.TARGET).forEach(f -> files.put(f.path(), f.content()));
    Map<String, String> permissions = new HashMap<>();
    Map<String, String> trust = new HashMap<>();
    for (RolePolicies role : IamPolicies.generated(spec, Specs.TARGET)) {
      permissions.put(KEYS.get(role.role()), role.permissionsJson());
      trust.put(KEYS.get(role.role()), role.trustJson());
    }
    var input = PreflightInput.files(spec, files.get(FileNames.BUILDSPEC), files.get(FileNames.APPSPEC),
        files.get(FileNames.TASKDEF), files.get(RepoFiles.DOCKERFILE)).withPolicies(permissions, trust);
    List<Finding> findings = Preflight.check(input).stream().filter(f -> f.severity() != Severity.INFO).toList();
    assertEquals(List.of(), findings);
  }
}
