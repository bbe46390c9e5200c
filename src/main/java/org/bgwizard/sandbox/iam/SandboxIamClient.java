package org.bgwizard.sandbox.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** IAM roles. Policy documents come back URL-encoded, as the real service returns them. */
public final class SandboxIamClient implements IamClient {
  private final SandboxAccount account;
  private final IamEngine engine;

  public SandboxIamClient(SandboxAccount account, IamEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateRoleResponse createRole(CreateRoleRequest r) {
    return account.call(Service.IAM, "CreateRole", () -> CreateRoleResponse.builder()
        .role(role(engine.createRole(r.roleName(), r.path(), r.assumeRolePolicyDocument(), r.description(),
            r.maxSessionDuration(), tags(r.tags())), true))
        .build());
  }

  @Override
  public GetRoleResponse getRole(GetRoleRequest r) {
    return account.call(Service.IAM, "GetRole", () -> GetRoleResponse.builder()
        .role(role(engine.role(r.roleName()), true).toBuilder().roleLastUsed(RoleLastUsed.builder().build()).build())
        .build());
  }

  @Override
  public ListRolesResponse listRoles(ListRolesRequest r) {
    return account.call(Service.IAM, "ListRoles", () -> {
      var page = page(engine.roles(r.pathPrefix()), x -> x.name.toLowerCase(java.util.Locale.ROOT), r.marker(),
          r.maxItems());
      return ListRolesResponse.builder()
          .roles(page.items().stream().map(x -> role(x, false)).toList())
          .isTruncated(page.nextToken() != null).marker(page.nextToken())
          .build();
    });
  }

  @Override
  public DeleteRoleResponse deleteRole(DeleteRoleRequest r) {
    return account.call(Service.IAM, "DeleteRole", () -> {
      engine.deleteRole(r.roleName());
      return DeleteRoleResponse.builder().build();
    });
  }

  @Override
  public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest r) {
    return account.call(Service.IAM, "UpdateAssumeRolePolicy", () -> {
      engine.updateTrustPolicy(r.roleName(), r.policyDocument());
      return UpdateAssumeRolePolicyResponse.builder().build();
    });
  }

  @Override
  public CreateServiceLinkedRoleResponse createServiceLinkedRole(CreateServiceLinkedRoleRequest r) {
    return account.call(Service.IAM, "CreateServiceLinkedRole", () -> CreateServiceLinkedRoleResponse.builder()
        .role(role(engine.createServiceLinkedRole(r.awsServiceName(), r.description(), r.customSuffix()), false))
        .build());
  }

  @Override
  public PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest r) {
    return account.call(Service.IAM, "PutRolePolicy", () -> {
      engine.putRolePolicy(r.roleName(), r.policyName(), r.policyDocument());
      return PutRolePolicyResponse.builder().build();
    });
  }

  @Override
  public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r) {
    return account.call(Service.IAM, "GetRolePolicy", () -> {
      String doc = engine.rolePolicy(r.roleName(), r.policyName());
      return GetRolePolicyResponse.builder()
          .roleName(engine.role(r.roleName()).name).policyName(r.policyName())
          .policyDocument(SdkHttpUtils.urlEncode(doc))
          .build();
    });
  }

  @Override
  public DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest r) {
    return account.call(Service.IAM, "DeleteRolePolicy", () -> {
      engine.deleteRolePolicy(r.roleName(), r.policyName());
      return DeleteRolePolicyResponse.builder().build();
    });
  }

  @Override
  public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r) {
    return account.call(Service.IAM, "ListRolePolicies", () -> {
      var page = page(engine.rolePolicyNames(r.roleName()), Function.identity(), r.marker(), r.maxItems());
      return ListRolePoliciesResponse.builder()
          .policyNames(page.items()).isTruncated(page.nextToken() != null).marker(page.nextToken())
          .build();
    });
  }

  @Override
  public AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest r) {
    return account.call(Service.IAM, "AttachRolePolicy", () -> {
      engine.attach(r.roleName(), r.policyArn());
      return AttachRolePolicyResponse.builder().build();
    });
  }

  @Override
  public DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest r) {
    return account.call(Service.IAM, "DetachRolePolicy", () -> {
      engine.detach(r.roleName(), r.policyArn());
      return DetachRolePolicyResponse.builder().build();
    });
  }

  @Override
  public ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r) {
    return account.call(Service.IAM, "ListAttachedRolePolicies", () -> {
      String prefix = r.pathPrefix() == null ? "/" : r.pathPrefix();
      List<String> arns = engine.attached(r.roleName()).stream()
          .filter(a -> a.substring(a.indexOf(":policy") + ":policy".length()).startsWith(prefix))
          .sorted().toList();
      var page = page(arns, Function.identity(), r.marker(), r.maxItems());
      return ListAttachedRolePoliciesResponse.builder()
          .attachedPolicies(page.items().stream().map(a -> AttachedPolicy.builder()
              .policyArn(a).policyName(IamManagedPolicies.name(a)).build()).toList())
          .isTruncated(page.nextToken() != null).marker(page.nextToken())
          .build();
    });
  }

  /**
   * Every role with its trust policy, inline policies, attached policies and tags, a page at a time
   * ("GetAccountAuthorizationDetails", IAM API Reference: documents URL-encoded, MaxItems 1–1000, default 100). Only
   * the Role filter has entities here: the account holds no users, groups or customer managed policies.
   */
  @Override
  public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(
      GetAccountAuthorizationDetailsRequest r) {
    return account.call(Service.IAM, "GetAccountAuthorizationDetails", () -> {
      if (r.hasFilter() && !r.filter().contains(EntityType.ROLE)) {
        return GetAccountAuthorizationDetailsResponse.builder().isTruncated(false).build();
      }
      var page = page(engine.roles(null), x -> x.name.toLowerCase(java.util.Locale.ROOT), r.marker(), r.maxItems());
      return GetAccountAuthorizationDetailsResponse.builder()
          .roleDetailList(page.items().stream().map(SandboxIamClient::detail).toList())
          .isTruncated(page.nextToken() != null).marker(page.nextToken())
          .build();
    });
  }

  private static RoleDetail detail(IamState.Role r) {
    var current = r.current();
    return RoleDetail.builder().path(r.path).roleName(r.name).roleId(r.id).arn(r.arn).createDate(r.createDate)
        .assumeRolePolicyDocument(SdkHttpUtils.urlEncode(current.trustPolicy))
        .rolePolicyList(current.inline.entrySet().stream().map(e -> PolicyDetail.builder().policyName(e.getKey())
            .policyDocument(SdkHttpUtils.urlEncode(e.getValue())).build()).toList())
        .attachedManagedPolicies(current.attached.stream().map(a -> AttachedPolicy.builder().policyArn(a)
            .policyName(IamManagedPolicies.name(a)).build()).toList())
        .tags(r.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
        .build();
  }

  @Override
  public TagRoleResponse tagRole(TagRoleRequest r) {
    return account.call(Service.IAM, "TagRole", () -> {
      engine.tagRole(r.roleName(), tags(r.tags()));
      return TagRoleResponse.builder().build();
    });
  }

  @Override
  public UntagRoleResponse untagRole(UntagRoleRequest r) {
    return account.call(Service.IAM, "UntagRole", () -> {
      engine.untagRole(r.roleName(), r.tagKeys());
      return UntagRoleResponse.builder().build();
    });
  }

  @Override
  public ListRoleTagsResponse listRoleTags(ListRoleTagsRequest r) {
    return account.call(Service.IAM, "ListRoleTags", () -> {
      List<Map.Entry<String, String>> all = List.copyOf(engine.role(r.roleName()).tags.entrySet());
      var page = page(all.stream().sorted(Map.Entry.comparingByKey()).toList(), Map.Entry::getKey, r.marker(),
          r.maxItems());
      return ListRoleTagsResponse.builder()
          .tags(page.items().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
          .isTruncated(page.nextToken() != null).marker(page.nextToken())
          .build();
    });
  }

  private <T> ListPage<T> page(List<T> all, Function<T, String> key, String marker, Integer maxItems) {
    int max = maxItems == null ? 100 : maxItems;
    if (max < 1 || max > 1000) {
      throw engine.error(IamException.builder(), 400, "ValidationError", "1 validation error detected: Value '" + max
          + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
    }
    return ListPage.of(all, key, marker, max,
        () -> engine.error(IamException.builder(), 400, "ValidationError", "Invalid Marker."));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  private static Role role(IamState.Role r, boolean withTags) {
    var b = Role.builder()
        .path(r.path).roleName(r.name).roleId(r.id).arn(r.arn).createDate(r.createDate)
        .assumeRolePolicyDocument(SdkHttpUtils.urlEncode(r.current().trustPolicy))
        .description(r.description).maxSessionDuration(r.maxSessionDuration);
    if (withTags && !r.tags.isEmpty()) {
      b.tags(r.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
    }
    return b.build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
