package org.bgwizard.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM roles: find, create with tags, inline permission policies, and delete with everything attached. */
public final class IamRoles {
  private final AwsClients clients;

  public IamRoles(AwsClients clients) {
    this.clients = clients;
  }

  private IamClient iam() {
    return clients.iam();
  }

  public Optional<RoleInfo> find(String name) {
    try {
      return Optional.of(info(iam().getRole(r -> r.roleName(name)).role()));
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  /** A role with its inline policies (name → document as JSON text). */
  public record Detailed(RoleInfo role, Map<String, String> inlinePolicies) {}

  /**
   * Every role with its trust policy, tags and inline policies, a thousand a call ("GetAccountAuthorizationDetails",
   * IAM API Reference), keyed by lower-case name (role names are unique whatever their case): one read where GetRole
   * and GetRolePolicy would take two per role. Empty when IAM refuses the call to this caller (AccessDenied): then
   * read each role alone.
   */
  public Optional<Map<String, Detailed>> allWithInlinePolicies() {
    var out = new HashMap<String, Detailed>();
    try {
      iam().getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.ROLE).maxItems(1000)).roleDetailList()
          .forEach(d -> out.put(d.roleName().toLowerCase(Locale.ROOT), detailed(d)));
    } catch (IamException e) {
      if (e.statusCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(out);
  }

  private static Detailed detailed(RoleDetail d) {
    var tags = new TreeMap<String, String>();
    d.tags().forEach(t -> tags.put(t.key(), t.value()));
    var inline = new TreeMap<String, String>();
    d.rolePolicyList().forEach(p -> inline.put(p.policyName(), decode(p.policyDocument())));
    return new Detailed(new RoleInfo(d.roleName(), d.arn(), decode(d.assumeRolePolicyDocument()), tags), inline);
  }

  /** Adds or overwrites {@code tags} on the role (TagRole); tags it has beside them stay. */
  public void tag(String name, Map<String, String> tags) {
    iam().tagRole(r -> r.roleName(name).tags(tags(tags)));
  }

  public RoleInfo create(String name, String trustPolicy, String description, Map<String, String> tags) {
    Role role = iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy).description(description)
        .tags(tags(tags))).role();
    return info(role);
  }

  public void updateTrustPolicy(String name, String trustPolicy) {
    iam().updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(trustPolicy));
  }

  /** Creates or replaces the inline policy {@code policyName}. */
  public void putInlinePolicy(String role, String policyName, String document) {
    iam().putRolePolicy(r -> r.roleName(role).policyName(policyName).policyDocument(document));
  }

  /** The inline policy's document as JSON text, empty when the role has no policy of that name. */
  public Optional<String> inlinePolicy(String role, String policyName) {
    try {
      return Optional.of(decode(iam().getRolePolicy(r -> r.roleName(role).policyName(policyName)).policyDocument()));
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  /** Attaches a managed policy (AttachRolePolicy); attaching one that is attached changes nothing. */
  public void attachManagedPolicy(String role, String policyArn) {
    iam().attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
  }

  /** The ARNs of the managed policies attached to the role. */
  public List<String> attachedPolicies(String role) {
    return iam().listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn).toList();
  }

  /** Deletes the role after detaching its managed policies and deleting its inline ones (IAM refuses otherwise). */
  public void delete(String name) {
    List<String> attached = new ArrayList<>();
    iam().listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn).forEach(attached::add);
    for (String arn : attached) {
      iam().detachRolePolicy(r -> r.roleName(name).policyArn(arn));
    }
    List<String> inline = new ArrayList<>(iam().listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()
        .stream().toList());
    for (String policy : inline) {
      iam().deleteRolePolicy(r -> r.roleName(name).policyName(policy));
    }
    iam().deleteRole(r -> r.roleName(name));
  }

  /** Roles in the account (for "use existing" pickers), without tags. */
  public List<RoleInfo> list() {
    return iam().listRolesPaginator(r -> { }).roles().stream().map(IamRoles::info).toList();
  }

  public Map<String, String> tagsOf(String name) {
    var tags = new TreeMap<String, String>();
    iam().listRoleTagsPaginator(r -> r.roleName(name)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  private static RoleInfo info(Role role) {
    var tags = new TreeMap<String, String>();
    if (role.hasTags()) {
      role.tags().forEach(t -> tags.put(t.key(), t.value()));
    }
    return new RoleInfo(role.roleName(), role.arn(), decode(role.assumeRolePolicyDocument()), tags);
  }

  /** IAM returns policy documents URL-encoded (RFC 3986). */
  static String decode(String document) {
    if (document == null || document.stripLeading().startsWith("{")) {
      return document;
    }
    return URLDecoder.decode(document.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
