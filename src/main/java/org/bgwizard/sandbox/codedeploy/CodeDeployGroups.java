package org.bgwizard.sandbox.codedeploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.Application;
import org.bgwizard.sandbox.codedeploy.CodeDeployState.DeploymentGroup;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import software.amazon.awssdk.services.codedeploy.model.ApplicationAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.ArnNotSupportedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.InvalidApplicationNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidArnException;
import software.amazon.awssdk.services.codedeploy.model.InvalidComputePlatformException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentGroupNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTagsToAddException;
import software.amazon.awssdk.services.codedeploy.model.ResourceArnRequiredException;

/**
 * CodeDeploy applications and deployment groups: names, lookups, tags. The rules a deployment group must satisfy
 * are in {@link CodeDeployGroupRules}.
 */
final class CodeDeployGroups {
  private static final Pattern ARN = Pattern.compile("arn:aws:codedeploy:([a-z0-9-]+):(\\d{12}):([a-z]+):(.+)");
  private static final Set<String> PLATFORMS = Set.of("Server", "Lambda", "ECS");

  private final CodeDeployEngine cd;
  private final SandboxAccount account;
  private final CodeDeployGroupRules rules;

  CodeDeployGroups(CodeDeployEngine cd, SandboxAccount account, Ports ports) {
    this.cd = cd;
    this.account = account;
    this.rules = new CodeDeployGroupRules(cd, ports);
  }

  private Map<String, Application> apps() {
    return account.state(CodeDeployState.class).applications;
  }

  // ---- applications

  Application createApplication(String name, String computePlatform, Map<String, String> tags) {
    checkApplicationName(name);
    String platform = computePlatform == null ? "Server" : computePlatform;
    if (!PLATFORMS.contains(platform)) {
      throw cd.error(InvalidComputePlatformException.builder(), "InvalidComputePlatformException",
          "The computePlatform is invalid. The computePlatform should be 'Server', 'Lambda' or 'ECS'.");
    }
    checkTags(tags, tags.size());
    if (apps().containsKey(name)) {
      throw cd.error(ApplicationAlreadyExistsException.builder(), "ApplicationAlreadyExistsException",
          "Application '" + name + "' already exists");
    }
    var app = new Application();
    app.applicationId = account.ids().uuid();
    app.applicationName = name;
    app.computePlatform = platform;
    app.createTime = account.now();
    app.tags.putAll(tags);
    apps().put(name, app);
    return app;
  }

  Application application(String name) {
    checkApplicationName(name);
    Application app = apps().get(name);
    if (app == null) {
      throw cd.error(ApplicationDoesNotExistException.builder(), "ApplicationDoesNotExistException",
          "No application found for name: " + name);
    }
    return app;
  }

  Optional<Application> findApplication(String name) {
    return Optional.ofNullable(name == null ? null : apps().get(name));
  }

  /**
   * Deleting a missing application succeeds (inferred: DeleteApplication models no not-found error); its groups go
   * with it (unverified).
   */
  void deleteApplication(String name) {
    checkApplicationName(name);
    apps().remove(name);
  }

  List<String> applicationNames() {
    return apps().keySet().stream().sorted().toList();
  }

  void checkApplicationName(String name) {
    if (name == null || name.isEmpty()) {
      throw cd.error(ApplicationNameRequiredException.builder(), "ApplicationNameRequiredException",
          "Application name must be specified");
    }
    if (name.length() > 100) {
      throw cd.error(InvalidApplicationNameException.builder(), "InvalidApplicationNameException",
          "Application name can not be longer than 100 characters");
    }
  }

  // ---- deployment groups

  DeploymentGroup createGroup(CodeDeployGroupRules.GroupSpec spec) {
    Application app = application(spec.applicationName());
    checkGroupName(spec.groupName());
    if (app.groups.containsKey(spec.groupName())) {
      throw cd.error(DeploymentGroupAlreadyExistsException.builder(), "DeploymentGroupAlreadyExistsException",
          "Deployment group '" + spec.groupName() + "' already exists for application '" + app.applicationName + "'");
    }
    checkTags(spec.tags(), spec.tags().size());
    var group = new DeploymentGroup();
    group.deploymentGroupName = spec.groupName();
    rules.apply(app, group, spec, true);
    group.deploymentGroupId = account.ids().uuid();
    group.tags.putAll(spec.tags());
    app.groups.put(group.deploymentGroupName, group);
    return group;
  }

  DeploymentGroup updateGroup(CodeDeployGroupRules.GroupSpec spec, String newName) {
    Application app = application(spec.applicationName());
    DeploymentGroup current = group(app, spec.groupName());
    String name = newName == null || newName.isEmpty() ? current.deploymentGroupName : newName;
    checkGroupName(name);
    if (!name.equals(current.deploymentGroupName) && app.groups.containsKey(name)) {
      throw cd.error(DeploymentGroupAlreadyExistsException.builder(), "DeploymentGroupAlreadyExistsException",
          "Deployment group '" + name + "' already exists for application '" + app.applicationName + "'");
    }
    DeploymentGroup changed = copy(current);
    rules.apply(app, changed, spec, false);
    changed.deploymentGroupName = name;
    var groups = new LinkedHashMap<String, DeploymentGroup>();
    app.groups.forEach((k, v) -> groups.put(k.equals(current.deploymentGroupName) ? name : k,
        k.equals(current.deploymentGroupName) ? changed : v));
    app.groups = groups;
    return changed;
  }

  static DeploymentGroup copy(DeploymentGroup g) {
    return SandboxAccount.STATE_MAPPER.convertValue(g, DeploymentGroup.class);
  }

  DeploymentGroup group(Application app, String name) {
    checkGroupName(name);
    DeploymentGroup g = app.groups.get(name);
    if (g == null) {
      throw cd.error(DeploymentGroupDoesNotExistException.builder(), "DeploymentGroupDoesNotExistException",
          "No Deployment Group found for name: " + name);
    }
    return g;
  }

  /** Deleting a missing group succeeds (inferred: DeleteDeploymentGroup models no not-found error). */
  void deleteGroup(String application, String name) {
    Application app = application(application);
    checkGroupName(name);
    app.groups.remove(name);
  }

  void checkGroupName(String name) {
    if (name == null || name.isEmpty()) {
      throw cd.error(DeploymentGroupNameRequiredException.builder(), "DeploymentGroupNameRequiredException",
          "Deployment Group name must be specified");
    }
    if (name.length() > 100) {
      throw cd.error(InvalidDeploymentGroupNameException.builder(), "InvalidDeploymentGroupNameException",
          "Deployment Group name can not be longer than 100 characters");
    }
  }

  /** The deployment group (other than {@code except}) that deploys this ECS service, if any. */
  Optional<String> groupOfService(String cluster, String service, DeploymentGroup except) {
    for (Application app : apps().values()) {
      for (DeploymentGroup g : app.groups.values()) {
        // by id: an update checks a copy of the group, which must not count as another group
        boolean same = except != null && g.deploymentGroupId != null && g.deploymentGroupId.equals(except.deploymentGroupId);
        if (!same && cluster.equals(g.clusterName) && service.equals(g.serviceName)) {
          return Optional.of(app.applicationName + "/" + g.deploymentGroupName);
        }
      }
    }
    return Optional.empty();
  }

  // ---- ARNs and tags

  String applicationArn(Application app) {
    return "arn:aws:codedeploy:" + account.region() + ":" + account.accountId() + ":application:"
        + app.applicationName;
  }

  String groupArn(Application app, DeploymentGroup g) {
    return "arn:aws:codedeploy:" + account.region() + ":" + account.accountId() + ":deploymentgroup:"
        + app.applicationName + "/" + g.deploymentGroupName;
  }

  Map<String, String> tagsOf(String arn) {
    if (arn == null || arn.isEmpty()) {
      throw cd.error(ResourceArnRequiredException.builder(), "ResourceArnRequiredException",
          "The ARN of a resource is required, but was not found.");
    }
    var m = ARN.matcher(arn);
    if (!m.matches() || !m.group(1).equals(account.region()) || !m.group(2).equals(account.accountId())) {
      throw cd.error(InvalidArnException.builder(), "InvalidArnException", "The specified ARN is not in a valid format.");
    }
    String resource = m.group(4);
    switch (m.group(3)) {
      case "application" -> {
        return application(resource).tags;
      }
      case "deploymentgroup" -> {
        int slash = resource.indexOf('/');
        if (slash < 0) {
          throw cd.error(InvalidArnException.builder(), "InvalidArnException",
              "The specified ARN is not in a valid format.");
        }
        return group(application(resource.substring(0, slash)), resource.substring(slash + 1)).tags;
      }
      case "deploymentconfig" -> {
        if (CodeDeployConfigs.find(resource).isEmpty()) {
          throw cd.error(DeploymentConfigDoesNotExistException.builder(), "DeploymentConfigDoesNotExistException",
              "No deployment configuration found for name: " + resource);
        }
        throw cd.error(ArnNotSupportedException.builder(), "ArnNotSupportedException",
            "The specified ARN is not supported. Predefined deployment configurations cannot be tagged.");
      }
      default -> throw cd.error(ArnNotSupportedException.builder(), "ArnNotSupportedException",
          "The specified ARN is not supported.");
    }
  }

  void tag(String arn, Map<String, String> tags) {
    TagLists.tag(tagsOf(arn), tags, this::checkTags);
  }

  /** {@code countAfter}: how many tags the resource would have. */
  void checkTags(Map<String, String> tags, int countAfter) {
    if (countAfter > 50) {
      throw cd.error(InvalidTagsToAddException.builder(), "InvalidTagsToAddException",
          "A resource can have at most 50 tags.");
    }
    for (var e : tags.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128
          || (e.getValue() != null && e.getValue().length() > 256)) {
        throw cd.error(InvalidTagsToAddException.builder(), "InvalidTagsToAddException",
            "Tag keys must be 1 to 128 characters and values at most 256 characters: '" + e.getKey() + "'");
      }
    }
  }
}
