package org.bgwizard.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueTest {

  @Test
  void all_holdsRows1To27_andLaterRows_inOrderOnce() {
    var rows = Catalogue.all().stream().map(CatalogueEntry::row).toList();
    assertEquals(IntStream.rangeClosed(1, 27).boxed().toList(), rows.subList(0, 27));
    assertEquals(rows.stream().sorted().distinct().toList(), rows);
    assertTrue(rows.contains(32));
    assertEquals(18, Catalogue.entry(18).row());
    assertEquals(31, Catalogue.entry(31).row());
    assertEquals(32, Catalogue.entry(32).row());
  }

  @Test
  void entry_outsideTheCatalogue_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Catalogue.entry(0));
    assertThrows(IllegalArgumentException.class, () -> Catalogue.entry(1000));
  }

  @Test
  void everyRow_hasCauseAndFix_inEnglishAndJapanese() {
    for (CatalogueEntry e : Catalogue.all()) {
      for (Locale locale : new Locale[] {Locale.ROOT, Locale.ENGLISH, Locale.JAPANESE}) {
        assertFalse(e.cause(locale).isBlank(), "cause of row " + e.row());
        assertFalse(e.fix(locale).isBlank(), "fix of row " + e.row());
      }
      assertNotEquals(e.cause(Locale.ENGLISH), e.cause(Locale.JAPANESE), "row " + e.row() + " cause translated");
      assertNotEquals(e.fix(Locale.ENGLISH), e.fix(Locale.JAPANESE), "row " + e.row() + " fix translated");
      assertFalse(e.where().isBlank());
      assertFalse(e.fragments().isEmpty());
    }
  }

  static Stream<Arguments> everyFragment() {
    return Catalogue.all().stream().flatMap(e -> e.fragments().stream()
        .map(f -> Arguments.of(e.row(), "Error: " + f.replace("…", "something in between") + ". (Request ID: 1)")));
  }

  @ParameterizedTest(name = "row {0}: {1}")
  @MethodSource("everyFragment")
  void match_eachCatalogueFragment_findsItsRow(int row, String text) {
    assertEquals(row, Catalogue.match(text).orElseThrow().row());
  }

  @ParameterizedTest(name = "row {0}")
  @CsvSource(delimiter = '|', textBlock = """
      2  | You are missing permissions to access input artifact: BuildArtifact.
      1  | Exception while trying to read the image artifact file from: BuildArtifact.
      1  | Invalid action configuration Exception while trying to read the image artifact file from the artifact: BuildArtifact.
      4  | The ECS service cannot be updated due to an unexpected error: The container ay-s-ReactPrc6-forALB-vpc16-container-codepipeline does not exist in the task definition. (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException; Request ID: XXXXXXXX; Proxy: null). Check your ECS service status.
      4  | The ECS service cannot be updated due to an unexpected error: The container does not exist in the task definition.
      18 | STOPPED (CannotPullContainerError: inspect image has been retried 1 time(s): failed to resolve ref "docker.io/library/ay-s-react-practice-6:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: ...)
      19 | CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:latest: dial tcp 10.0.0.1:443: i/o timeout
      19 | ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed
      21 | CannotPullContainerError: failed to resolve ref docker.io/library/node:14: toomanyrequests: You have reached your pull rate limit.
      20 | exec user process caused “exec format error”
      21 | toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
      11 | The deployment timed out while waiting for the replacement task set to become healthy.
      15 | CodeBuild is not authorized to perform: sts:AssumeRole on service role. Please verify that: 1) The provided service role exists
      15 | CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/demo-codepipeline
      15 | AWS CodeDeploy does not have the permissions required to assume the role arn:aws:iam::123456789012:role/demo-codedeploy.
      17 | ECS was unable to assume the role 'arn:aws:iam::123456789012:role/demo' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role
      16 | User: arn:aws:sts::123456789012:assumed-role/demo-codepipeline/1 is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/demo-ecs-task-execution
      23 | An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::123456789012:assumed-role/demo-codebuild/AWSCodeBuild is not authorized to perform: ecr:GetAuthorizationToken on resource: *
      27 | Phase context status code: YAML_FILE_ERROR Message: Expected Commands[1] to be of string type
      30 | Target group 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg-2/9b3071f295d29d1d' is currently in use by a listener or a rule
      31 | The Cluster cannot be deleted while Tasks are active.
      28 | An error occurred (OperationNotAllowedException) when calling the CreateRepository operation: CreateRepository request is not allowed because there is no existing repository in this AWS account or AWS Organization (RequestId: d5788f00-1bea-4e5c-8bc6-bd2a3794255a)
      29 | ACTION REQUIRED! Go to https://console.aws.amazon.com/codesuite/settings/connections to update the status of connection xy-user-service from PENDING to AVAILABLE.
      33 | Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-tg-2/50dc6c495c0c9188)
      34 | Essential container in task exited
      20 | Essential container in task exited (app: exec /usr/local/bin/docker-entrypoint.sh: exec format error)
      """)
  void match_realTextsFromSeedsAndReference_findTheMostSpecificRow(int row, String text) {
    assertEquals(row, Catalogue.match(text).orElseThrow().row());
  }

  @Test
  void match_isCaseInsensitive_andIgnoresLineBreaks() {
    assertEquals(22, Catalogue.match("CANNOT CONNECT TO THE\n  docker daemon at unix:///var/run/docker.sock").orElseThrow().row());
  }

  @Test
  void match_unknownOrEmptyText_findsNothing() {
    assertTrue(Catalogue.match("Deployment succeeded").isEmpty());
    assertTrue(Catalogue.match("").isEmpty());
    assertTrue(Catalogue.match(null).isEmpty());
  }

  @Test
  void match_fragmentPiecesOutOfOrder_doNotMatch() {
    assertTrue(Catalogue.match("defined, but did not have a container port").isEmpty());
  }
}
