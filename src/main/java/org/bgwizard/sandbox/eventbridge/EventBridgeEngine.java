package org.bgwizard.sandbox.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * Rules and targets on the default event bus (EventBridge API reference: PutRule, PutTargets, DescribeRule,
 * ListTargetsByRule, RemoveTargets, DeleteRule, ListRules, TagResource), and the delivery of the events other
 * simulated services put on the bus to the rules they match. A CodePipeline target is started through its
 * {@code RoleArn}, which EventBridge must be able to assume and which must allow
 * {@code codepipeline:StartPipelineExecution} on the pipeline ("CodeCommit source actions and EventBridge",
 * CodePipeline User Guide); other targets are not simulated.
 */
public final class EventBridgeEngine implements Ports.Events {
  static final String DEFAULT_BUS = "default";
  /** PutTargets: "Each rule can have up to five (5) targets associated with it at one time." */
  static final int MAX_TARGETS = 5;
  private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Failed(String targetId, String code, String message) {}

  private final SandboxAccount account;
  private final Ports ports;

  public EventBridgeEngine(SandboxAccount account, Ports ports) {
    this.account = account;
    this.ports = ports;
  }

  private Map<String, EventBridgeState.Rule> rules() {
    return account.state(EventBridgeState.class).rules;
  }

  String arn(String rule) {
    return "arn:aws:events:" + account.region() + ":" + account.accountId() + ":rule/" + rule;
  }

  /** Only the default bus is simulated: null, its name or its ARN. */
  void checkBus(String bus) {
    String arn = "arn:aws:events:" + account.region() + ":" + account.accountId() + ":event-bus/" + DEFAULT_BUS;
    if (bus != null && !bus.equals(DEFAULT_BUS) && !bus.equals(arn)) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
          "Event bus " + bus + " does not exist."); // (unv)
    }
  }

  /** PutRule: creates the rule, or replaces what an existing one says (its tags stay as they were). */
  EventBridgeState.Rule putRule(String name, String pattern, String schedule, String state, String description,
      Map<String, String> tags) {
    checkName("name", name);
    if ((pattern == null || pattern.isEmpty()) && (schedule == null || schedule.isEmpty())) {
      throw validation("Parameter(s) ScheduleExpression or EventPattern must be specified."); // (unv)
    }
    if (pattern != null && !pattern.isEmpty()) {
      EventPatterns.problem(pattern).ifPresent(reason -> {
        throw error(InvalidEventPatternException.builder(), "InvalidEventPatternException",
            "Event pattern is not valid. Reason: " + reason);
      });
    }
    EventBridgeState.Rule r = rules().get(name);
    if (r == null) {
      r = new EventBridgeState.Rule();
      r.name = name;
      r.arn = arn(name);
      r.tags.putAll(tags);
      rules().put(name, r);
    }
    r.eventPattern = pattern;
    r.scheduleExpression = schedule;
    r.state = state == null ? "ENABLED" : state;
    r.description = description;
    return r;
  }

  /** The rule, or ResourceNotFoundException worded as AWS words it (steampipe-plugin-aws #1591). */
  EventBridgeState.Rule rule(String name) {
    EventBridgeState.Rule r = name == null ? null : rules().get(name);
    if (r == null) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
          "Rule " + name + " does not exist on EventBus " + DEFAULT_BUS + ".");
    }
    return r;
  }

  List<EventBridgeState.Rule> rules(String namePrefix) {
    return rules().values().stream().filter(r -> namePrefix == null || r.name.startsWith(namePrefix)).toList();
  }

  /** PutTargets: adds or replaces targets by id; returns the entries it refused. */
  List<Failed> putTargets(String ruleName, List<EventBridgeState.Target> targets) {
    EventBridgeState.Rule r = rule(ruleName);
    long added = targets.stream().map(t -> t.id).distinct().filter(id -> !r.targets.containsKey(id)).count();
    if (r.targets.size() + added > MAX_TARGETS) {
      throw error(LimitExceededException.builder(), "LimitExceededException",
          "The requested resource exceeds the maximum number allowed."); // (unv)
    }
    List<Failed> failed = new ArrayList<>();
    for (EventBridgeState.Target t : targets) {
      if (t.id == null || !NAME.matcher(t.id).matches() || t.arn == null || t.arn.isEmpty()) {
        failed.add(new Failed(t.id, "ValidationException", "Target Id and Arn are required; the Id is 1 to 64"
            + " letters, digits, '.', '-' or '_'")); // (unv)
        continue;
      }
      r.targets.put(t.id, t);
    }
    return failed;
  }

  void removeTargets(String ruleName, List<String> ids) {
    EventBridgeState.Rule r = rule(ruleName);
    ids.forEach(r.targets::remove);
  }

  /**
   * DeleteRule: "Before you can delete the rule, you must remove all targets"; AWS answers ValidationException
   * "Rule can't be deleted since it has targets." (terraform-provider-aws #18519, moto #5056). A missing rule is
   * deleted already ("If you call delete rule multiple times for the same rule, all calls will succeed").
   */
  void deleteRule(String name) {
    checkName("name", name);
    EventBridgeState.Rule r = rules().get(name);
    if (r == null) {
      return;
    }
    if (!r.targets.isEmpty()) {
      throw validation("Rule can't be deleted since it has targets.");
    }
    rules().remove(name);
  }

  EventBridgeState.Rule byArn(String arn) {
    String prefix = arn(""); // arn:aws:events:<region>:<account>:rule/
    if (arn == null || !arn.startsWith(prefix)) {
      throw error(ResourceNotFoundException.builder(), "ResourceNotFoundException",
          "Resource " + arn + " does not exist."); // (unv)
    }
    return rule(arn.substring(prefix.length()));
  }

  // ---- events

  /**
   * An event on the default bus, delivered at once to every enabled rule it matches. The envelope is the one of
   * "Amazon EventBridge events" (version, id, detail-type, source, account, time, region, resources, detail).
   */
  @Override
  public void put(String source, String detailType, List<String> resources, ObjectNode detail) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", account.ids().uuid());
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", account.accountId());
    event.put("time", account.now().toString());
    event.put("region", account.region());
    resources.forEach(event.putArray("resources")::add);
    event.set("detail", detail);
    for (EventBridgeState.Rule r : List.copyOf(rules().values())) {
      if ("ENABLED".equals(r.state) && r.eventPattern != null && EventPatterns.matches(r.eventPattern, event)) {
        r.triggered++;
        r.targets.values().forEach(t -> invoke(r, t));
      }
    }
  }

  private void invoke(EventBridgeState.Rule r, EventBridgeState.Target t) {
    String pipelinePrefix = "arn:aws:codepipeline:" + account.region() + ":" + account.accountId() + ":";
    if (!t.arn.startsWith(pipelinePrefix)) {
      return;
    }
    Ports.IamChecks iam = ports.iamChecks;
    Ports.PipelineStarter pipelines = ports.pipelineStarter;
    boolean allowed = t.roleArn != null && iam != null
        && iam.canAssume(t.roleArn, "events.amazonaws.com") == Ports.IamChecks.Assume.OK
        && iam.allows(t.roleArn, "codepipeline:StartPipelineExecution", t.arn, null);
    if (!allowed || pipelines == null || !pipelines.startByEvent(t.arn.substring(pipelinePrefix.length()), r.arn)) {
      r.failedInvocations++;
    }
  }

  // ---- validation and errors

  private void checkName(String parameter, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw validation("1 validation error detected: Value '" + name + "' at '" + parameter + "' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"); // (unv)
    }
  }

  AwsServiceException validation(String message) {
    return account.error(Service.EVENTBRIDGE.baseException(), Service.EVENTBRIDGE, "ValidationException", message);
  }

  private AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.EVENTBRIDGE, code, message);
  }
}
