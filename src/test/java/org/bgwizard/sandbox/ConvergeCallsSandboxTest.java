package org.bgwizard.sandbox;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/** The calls apply converges with that the sandbox gained for it: IAM GetAccountAuthorizationDetails, ECR PutImageTagMutability. */
class ConvergeCallsSandboxTest {
  private static final String PERMISSIONS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";
  private static final String ECS_TASKS_TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
       "Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
  private final Sandbox sandbox = BasicServiceAssertions.fresh(ManualClock.startingAt(BasicServiceAssertions.START));

  @Test
  void getAccountAuthorizationDetails_pagesRoles_withUrlEncodedTrustAndInlinePolicies_andTags() {
    var iam = sandbox.iam();
    for (String name : List.of("a-role", "b-role", "c-role")) {
      iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(ECS_TASKS_TRUST)
          .tags(t -> t.key("team").value(name)));
    }
    iam.putRolePolicy(r -> r.roleName("b-role").policyName("inline").policyDocument(PERMISSIONS));

    var first = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE).maxItems(2));
    var second = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE).maxItems(2)
        .marker(first.marker()));

    assertTrue(first.isTruncated());
    assertFalse(second.isTruncated());
    assertEquals(List.of("a-role", "b-role", "c-role"), java.util.stream.Stream.concat(
        first.roleDetailList().stream(), second.roleDetailList().stream()).map(RoleDetail::roleName).toList());
    RoleDetail b = first.roleDetailList().get(1);
    assertEquals(ECS_TASKS_TRUST, URLDecoder.decode(b.assumeRolePolicyDocument(),
        StandardCharsets.UTF_8));
    assertEquals("inline", b.rolePolicyList().get(0).policyName());
    assertEquals(PERMISSIONS, URLDecoder.decode(b.rolePolicyList().get(0).policyDocument(), StandardCharsets.UTF_8));
    assertEquals("b-role", b.tags().get(0).value());
    assertTrue(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER)).roleDetailList().isEmpty());
    assertAwsError(IamException.class, "ValidationError", "Member must have value between 1 and 1000",
        () -> iam.getAccountAuthorizationDetails(r -> r.maxItems(1001)));
  }

  @Test
  void putImageTagMutability_letsATagOfAnImmutableRepositoryMoveAgain() {
    var ecr = sandbox.ecr();
    ecr.createRepository(r -> r.repositoryName("frozen").imageTagMutability("IMMUTABLE"));
    sandbox.ports.registry.push("frozen", List.of("latest"), "X86_64", Ports.ImageBehaviour.HEALTHY);

    var response = ecr.putImageTagMutability(r -> r.repositoryName("frozen").imageTagMutability("MUTABLE"));

    assertEquals("MUTABLE", response.imageTagMutabilityAsString());
    assertEquals("MUTABLE", ecr.describeRepositories(r -> r.repositoryNames("frozen")).repositories().get(0)
        .imageTagMutabilityAsString());
    sandbox.ports.registry.push("frozen", List.of("latest"), "X86_64", Ports.ImageBehaviour.HEALTHY);
    assertAwsError(InvalidParameterException.class, "InvalidParameterException", null,
        () -> ecr.putImageTagMutability(r -> r.repositoryName("frozen").imageTagMutability("SOMETIMES")));
  }
}
