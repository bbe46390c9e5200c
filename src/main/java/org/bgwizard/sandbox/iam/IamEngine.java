package org.bgwizard.sandbox.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;
import software.amazon.awssdk.services.iam.model.UnmodifiableEntityException;

/**
 * IAM roles with inline and attached policies. Other services see a role, and every change to its policies,
 * only {@code settings().propagationDelaySeconds} after IAM accepted it (catalogue row 15): until then they
 * see the previous revision, or no role at all if it is that new.
 */
public final class IamEngine implements Ports.IamChecks {
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
  private static final int MAX_INLINE_BYTES = 10_240;
  private static final int MAX_TRUST_BYTES = 2_048;
  private static final int MAX_ATTACHED = 10;
  private static final Map<String, String[]> SERVICE_LINKED = Map.of(
      "ecs.amazonaws.com", new String[] {"AWSServiceRoleForECS",
          "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy",
          "Role to enable Amazon ECS to manage your cluster."},
      "elasticloadbalancing.amazonaws.com", new String[] {"AWSServiceRoleForElasticLoadBalancing",
          "arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy",
          "Allows ELB to call AWS services on your behalf."});

  private final SandboxAccount account;

  public IamEngine(SandboxAccount account) {
    this.account = account;
  }

  private IamState state() {
    return account.state(IamState.class);
  }

  // ---- roles

  IamState.Role createRole(String name, String path, String trustPolicy, String description,
      Integer maxSessionDuration, Map<String, String> tags) {
    checkName("roleName", name, 64);
    String p = path == null ? "/" : path;
    if (p.length() > 512 || !PATH.matcher(p).matches()) {
      throw validation("path", p, "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    }
    if (trustPolicy == null) {
      throw validation("assumeRolePolicyDocument", null, "Member must not be null");
    }
    if (description != null && description.length() > 1000) {
      throw validation("description", description, "Member must have length less than or equal to 1000");
    }
    int session = maxSessionDuration == null ? 3600 : maxSessionDuration;
    if (session < 3600 || session > 43200) {
      throw validation("maxSessionDuration", String.valueOf(session),
          "Member must have value " + (session < 3600 ? "greater than or equal to 3600" : "less than or equal to 43200"));
    }
    checkTrust(trustPolicy);
    checkTags(tags, 0);
    if (state().roles.containsKey(key(name))) {
      throw error(EntityAlreadyExistsException.builder(), 409, "EntityAlreadyExists",
          "Role with name " + name + " already exists.");
    }
    return addRole(name, p, trustPolicy, description, session, tags, false);
  }

  private IamState.Role addRole(String name, String path, String trustPolicy, String description, int session,
      Map<String, String> tags, boolean serviceLinked) {
    var role = new IamState.Role();
    role.name = name;
    role.id = "AROA" + account.ids().upperAlnum(17);
    role.path = path;
    role.arn = "arn:aws:iam::" + account.accountId() + ":role" + path + name;
    role.description = description;
    role.maxSessionDuration = session;
    role.createDate = account.now();
    role.serviceLinked = serviceLinked;
    if (tags != null) {
      role.tags.putAll(tags);
    }
    var first = new IamState.Revision();
    first.at = account.now();
    first.trustPolicy = trustPolicy;
    role.revisions.add(first);
    state().roles.put(key(name), role);
    return role;
  }

  IamState.Role role(String name) {
    if (name == null) {
      throw validation("roleName", null, "Member must not be null");
    }
    IamState.Role role = state().roles.get(key(name));
    if (role == null) {
      throw noSuchRole(name);
    }
    return role;
  }

  /** All roles under {@code pathPrefix} (null = all), in name order. */
  List<IamState.Role> roles(String pathPrefix) {
    List<IamState.Role> out = new ArrayList<>();
    for (IamState.Role r : state().roles.values()) {
      if (pathPrefix == null || r.path.startsWith(pathPrefix)) {
        out.add(r);
      }
    }
    return out;
  }

  void deleteRole(String name) {
    IamState.Role role = modifiable(name);
    if (!role.current().attached.isEmpty()) {
      throw error(DeleteConflictException.builder(), 409, "DeleteConflict",
          "Cannot delete entity, must detach all policies first.");
    }
    if (!role.current().inline.isEmpty()) {
      throw error(DeleteConflictException.builder(), 409, "DeleteConflict",
          "Cannot delete entity, must delete policies first.");
    }
    state().roles.remove(key(role.name));
  }

  void updateTrustPolicy(String name, String trustPolicy) {
    IamState.Role role = modifiable(name);
    checkTrust(trustPolicy);
    change(role, r -> r.trustPolicy = trustPolicy);
  }

  IamState.Role createServiceLinkedRole(String service, String description, String customSuffix) {
    String[] known = SERVICE_LINKED.get(service);
    if (known == null) {
      throw error(InvalidInputException.builder(), 400, "InvalidInput",
          "Service role name for " + service + " is not supported by this account.");
    }
    if (customSuffix != null) {
      throw error(InvalidInputException.builder(), 400, "InvalidInput",
          "Custom suffix is not allowed for " + service);
    }
    if (state().roles.containsKey(key(known[0]))) {
      throw error(InvalidInputException.builder(), 400, "InvalidInput",
          "Service role name " + known[0] + " has been taken in this account, please try a different suffix.");
    }
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
        + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    IamState.Role role = addRole(known[0], "/aws-service-role/" + service + "/", trust,
        description == null ? known[2] : description, 3600, null, true);
    role.current().attached.add(known[1]);
    return role;
  }

  /**
   * Whether the service-linked role of {@code service} (e.g. {@code ecs.amazonaws.com}) exists and has
   * propagated, i.e. whether the service can use it now (catalogue row 14 when not).
   */
  boolean serviceLinkedRoleExists(String service) {
    String[] known = SERVICE_LINKED.get(service);
    IamState.Role role = known == null ? null : state().roles.get(key(known[0]));
    return role != null && visible(role).isPresent();
  }

  // ---- inline policies

  void putRolePolicy(String roleName, String policyName, String document) {
    IamState.Role role = modifiable(roleName);
    checkName("policyName", policyName, 128);
    if (document == null) {
      throw validation("policyDocument", null, "Member must not be null");
    }
    IamPolicy.problem(document, false).ifPresent(p -> {
      throw malformed(p);
    });
    int size = compactLength(document);
    for (var e : role.current().inline.entrySet()) {
      if (!e.getKey().equals(policyName)) {
        size += compactLength(e.getValue());
      }
    }
    if (size > MAX_INLINE_BYTES) {
      throw error(LimitExceededException.builder(), 409, "LimitExceeded",
          "Maximum policy size of " + MAX_INLINE_BYTES + " bytes exceeded for role " + role.name);
    }
    change(role, r -> r.inline.put(policyName, document));
  }

  String rolePolicy(String roleName, String policyName) {
    IamState.Role role = role(roleName);
    String doc = role.current().inline.get(policyName);
    if (doc == null) {
      throw noSuchPolicy(policyName);
    }
    return doc;
  }

  void deleteRolePolicy(String roleName, String policyName) {
    IamState.Role role = modifiable(roleName);
    if (!role.current().inline.containsKey(policyName)) {
      throw noSuchPolicy(policyName);
    }
    change(role, r -> r.inline.remove(policyName));
  }

  List<String> rolePolicyNames(String roleName) {
    return List.copyOf(role(roleName).current().inline.keySet());
  }

  // ---- attached managed policies

  void attach(String roleName, String policyArn) {
    IamState.Role role = modifiable(roleName);
    checkPolicyArn(policyArn);
    if (IamManagedPolicies.document(policyArn).isEmpty()) {
      throw error(NoSuchEntityException.builder(), 404, "NoSuchEntity",
          "Policy " + policyArn + " does not exist or is not attachable.");
    }
    if (policyArn.startsWith("arn:aws:iam::aws:policy/aws-service-role/")) {
      throw error(PolicyNotAttachableException.builder(), 400, "PolicyNotAttachable",
          "Cannot attach a Service Role Policy to a Customer Role.");
    }
    List<String> attached = role.current().attached;
    if (attached.contains(policyArn)) {
      return;
    }
    if (attached.size() >= MAX_ATTACHED) {
      throw error(LimitExceededException.builder(), 409, "LimitExceeded",
          "Cannot exceed quota for PoliciesPerRole: " + MAX_ATTACHED);
    }
    change(role, r -> r.attached.add(policyArn));
  }

  void detach(String roleName, String policyArn) {
    IamState.Role role = modifiable(roleName);
    checkPolicyArn(policyArn);
    if (!role.current().attached.contains(policyArn)) {
      throw error(NoSuchEntityException.builder(), 404, "NoSuchEntity", "Policy " + policyArn + " was not found.");
    }
    change(role, r -> r.attached.remove(policyArn));
  }

  List<String> attached(String roleName) {
    return List.copyOf(role(roleName).current().attached);
  }

  // ---- tags

  void tagRole(String roleName, Map<String, String> tags) {
    IamState.Role role = role(roleName);
    long added = tags.keySet().stream().filter(k -> !role.tags.containsKey(k)).count();
    checkTags(tags, role.tags.size() + (int) added - tags.size());
    role.tags.putAll(tags);
  }

  void untagRole(String roleName, Collection<String> keys) {
    role(roleName).tags.keySet().removeAll(keys);
  }

  // ---- what other services see (Ports.IamChecks)

  @Override
  public Assume canAssume(String roleArn, String servicePrincipal) {
    Optional<IamState.Role> role = byArn(roleArn);
    if (role.isEmpty()) {
      return Assume.NO_SUCH_ROLE;
    }
    Optional<IamState.Revision> seen = visible(role.get());
    if (seen.isEmpty()) {
      return Assume.NOT_YET_PROPAGATED;
    }
    return IamPolicy.trusts(seen.get().trustPolicy, servicePrincipal,
        Map.of("aws:sourceaccount", account.accountId())) ? Assume.OK : Assume.NOT_TRUSTED;
  }

  @Override
  public boolean allows(String roleArn, String action, String resourceArn, String passedToService) {
    Optional<IamState.Revision> seen = byArn(roleArn).flatMap(this::visible);
    if (seen.isEmpty()) {
      return false;
    }
    List<String> documents = new ArrayList<>(seen.get().inline.values());
    for (String arn : seen.get().attached) {
      IamManagedPolicies.document(arn).ifPresent(documents::add);
    }
    Map<String, String> context = passedToService == null ? Map.of() : Map.of("iam:passedtoservice", passedToService);
    return IamPolicy.evaluate(documents, action, resourceArn, context) == IamPolicy.Effect.ALLOW;
  }

  @Override
  public boolean roleExists(String roleArn) {
    return byArn(roleArn).isPresent();
  }

  private Optional<IamState.Role> byArn(String roleArn) {
    if (roleArn == null || !roleArn.startsWith("arn:aws:iam::" + account.accountId() + ":role/")) {
      return Optional.empty();
    }
    IamState.Role role = state().roles.get(key(roleArn.substring(roleArn.lastIndexOf('/') + 1)));
    return role != null && role.arn.equalsIgnoreCase(roleArn) ? Optional.of(role) : Optional.empty();
  }

  /** The newest revision other services see now, or empty while even the first one is propagating. */
  private Optional<IamState.Revision> visible(IamState.Role role) {
    IamState.Revision seen = null;
    for (IamState.Revision r : role.revisions) {
      if (propagated(r, account.now())) {
        seen = r;
      }
    }
    return Optional.ofNullable(seen);
  }

  private boolean propagated(IamState.Revision r, Instant now) {
    return !now.isBefore(r.at.plusSeconds(account.settings().propagationDelaySeconds));
  }

  /** Records a policy change as a new revision, dropping revisions no one can see any more. */
  private void change(IamState.Role role, Consumer<IamState.Revision> edit) {
    Instant now = account.now();
    IamState.Revision last = role.current();
    IamState.Revision next = last.at.equals(now) ? last : last.copyAt(now);
    edit.accept(next);
    if (next != last) {
      role.revisions.add(next);
    }
    int newestSeen = 0;
    for (int i = 0; i < role.revisions.size(); i++) {
      if (propagated(role.revisions.get(i), now)) {
        newestSeen = i;
      }
    }
    role.revisions.subList(0, newestSeen).clear();
  }

  // ---- validation and errors

  private IamState.Role modifiable(String name) {
    IamState.Role role = role(name);
    if (role.serviceLinked) {
      throw error(UnmodifiableEntityException.builder(), 400, "UnmodifiableEntity",
          "Cannot perform the operation on the protected role '" + role.name + "' - this role is only modifiable by AWS");
    }
    return role;
  }

  private void checkTrust(String trustPolicy) {
    IamPolicy.problem(trustPolicy, true).ifPresent(p -> {
      throw malformed(p);
    });
    if (compactLength(trustPolicy) > MAX_TRUST_BYTES) {
      throw error(LimitExceededException.builder(), 409, "LimitExceeded",
          "Cannot exceed quota for ACLSizePerRole: " + MAX_TRUST_BYTES);
    }
  }

  private void checkName(String field, String value, int max) {
    if (value == null) {
      throw validation(field, null, "Member must not be null");
    }
    if (value.isEmpty() || value.length() > max) {
      throw validation(field, value, value.isEmpty() ? "Member must have length greater than or equal to 1"
          : "Member must have length less than or equal to " + max);
    }
    if (!NAME.matcher(value).matches()) {
      throw validation(field, value, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }
  }

  private void checkPolicyArn(String arn) {
    if (arn == null || !arn.matches("arn:aws:iam::(aws|\\d{12}):policy/.+")) {
      throw error(InvalidInputException.builder(), 400, "InvalidInput", "ARN " + arn + " is not valid.");
    }
  }

  private void checkTags(Map<String, String> tags, int existing) {
    if (tags == null) {
      return;
    }
    for (var e : tags.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128) {
        throw validation("tags.member.key", e.getKey(), "Member must have length between 1 and 128");
      }
      if (e.getValue() == null || e.getValue().length() > 256) {
        throw validation("tags.member.value", e.getValue(), "Member must have length less than or equal to 256");
      }
    }
    if (existing + tags.size() > 50) {
      throw error(LimitExceededException.builder(), 409, "LimitExceeded",
          "The number of tags has reached the maximum limit.");
    }
  }

  private static int compactLength(String document) {
    return document.replaceAll("\\s", "").length();
  }

  private static String key(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  private AwsServiceException noSuchRole(String name) {
    return error(NoSuchEntityException.builder(), 404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
  }

  private AwsServiceException noSuchPolicy(String policyName) {
    return error(NoSuchEntityException.builder(), 404, "NoSuchEntity",
        "The role policy with name " + policyName + " cannot be found.");
  }

  private AwsServiceException malformed(String message) {
    return error(MalformedPolicyDocumentException.builder(), 400, "MalformedPolicyDocument", message);
  }

  private AwsServiceException validation(String field, String value, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    return error(IamException.builder(), 400, "ValidationError",
        "1 validation error detected: Value " + shown + " at '" + field + "' failed to satisfy constraint: " + constraint);
  }

  AwsServiceException error(AwsServiceException.Builder builder, int status, String code, String message) {
    return account.error(builder, Service.IAM, status, code, message);
  }
}
