package org.bgwizard.sandbox.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.TagLimitExceededException;

/** SNS topics: idempotent creation by name, attributes, tags, and a bounded history of what was published. */
public final class SnsEngine {
  static final int KEPT_MESSAGES = 50;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "FifoTopic", "Policy",
      "SignatureVersion", "TracingConfig", "KmsMasterKeyId", "ContentBasedDeduplication", "ArchivePolicy",
      "FifoThroughputScope");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxAccount account;
  private final SnsInbox inbox;
  private final SnsSubscriptions subscriptions;

  public SnsEngine(SandboxAccount account) {
    this.account = account;
    this.inbox = new SnsInbox(account);
    this.subscriptions = new SnsSubscriptions(account, this, inbox);
  }

  public SnsInbox inbox() {
    return inbox;
  }

  SnsSubscriptions subscriptions() {
    return subscriptions;
  }

  /** Simulated, not an API call: every pending e-mail subscription confirmed (the link in its mail followed). */
  public List<String> confirmPendingSubscriptions() {
    return subscriptions.confirmAllPending();
  }

  private Map<String, SnsState.Topic> topics() {
    return account.state().sns.topics;
  }

  SnsState.Topic createTopic(String name, Map<String, String> attributes, Map<String, String> tags) {
    boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
    String base = name != null && name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
    if (base == null || !NAME.matcher(base).matches() || (fifo != name.endsWith(".fifo"))) {
      throw invalid(fifo ? "Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase"
          + " ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long."
          : "Invalid parameter: Topic Name");
    }
    for (String key : attributes.keySet()) {
      if (!SETTABLE.contains(key)) {
        throw invalid("Invalid parameter: Attributes Reason: Unknown attribute " + key);
      }
    }
    checkTags(tags, tags.size());
    String arn = "arn:aws:sns:" + account.region() + ":" + account.accountId() + ":" + name;
    SnsState.Topic existing = topics().get(arn);
    if (existing != null) {
      if (!attributes.isEmpty() && !existing.attributes.equals(new TreeMap<>(attributes))) {
        throw invalid("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
      }
      if (!tags.isEmpty() && !existing.tags.equals(new TreeMap<>(tags))) {
        throw invalid("Invalid parameter: Tags Reason: Topic already exists with different tags");
      }
      return existing;
    }
    var t = new SnsState.Topic();
    t.name = name;
    t.arn = arn;
    t.attributes.putAll(attributes);
    t.tags.putAll(tags);
    topics().put(arn, t);
    return t;
  }

  SnsState.Topic topic(String arn) {
    checkArn(arn, "TopicArn");
    SnsState.Topic t = topics().get(arn);
    if (t == null) {
      throw account.error(NotFoundException.builder(), Service.SNS, 404, "NotFound", "Topic does not exist");
    }
    return t;
  }

  List<SnsState.Topic> topicsInOrder() {
    return List.copyOf(topics().values());
  }

  /** All attributes as GetTopicAttributes returns them, computed ones included. */
  Map<String, String> attributes(String arn) {
    SnsState.Topic t = topic(arn);
    Map<String, String> out = new TreeMap<>();
    out.put("TopicArn", t.arn);
    out.put("Owner", account.accountId());
    out.put("DisplayName", "");
    out.put("SubscriptionsConfirmed", String.valueOf(subscriptions.count(t.arn, "CONFIRMED")));
    out.put("SubscriptionsPending", String.valueOf(subscriptions.count(t.arn, "PENDING")));
    out.put("SubscriptionsDeleted", "0");
    out.put("Policy", defaultPolicy(t.arn));
    out.put("EffectiveDeliveryPolicy", defaultDeliveryPolicy());
    out.putAll(t.attributes);
    return out;
  }

  void setAttribute(String arn, String name, String value) {
    SnsState.Topic t = topic(arn);
    if (!SETTABLE.contains(name) || name.equals("FifoTopic")) {
      throw invalid("Invalid parameter: AttributeName");
    }
    t.attributes.put(name, value == null ? "" : value);
  }

  SnsState.Message publish(String arn, String subject, String message, String messageGroupId) {
    return publish(arn, subject, message, messageGroupId, null);
  }

  /**
   * Publish; the message is delivered to the topic's confirmed e-mail subscribers ({@link SnsInbox}). With
   * {@code structure} "json" the message is a JSON object with a text per protocol and a {@code default} one
   * ("Publish", MessageStructure).
   */
  public SnsState.Message publish(String arn, String subject, String message, String messageGroupId,
      String structure) {
    if (arn == null) {
      throw invalid("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
    }
    SnsState.Topic t = topic(arn);
    if (message == null || message.isEmpty()) {
      throw invalid("Invalid parameter: Empty message");
    }
    if (message.getBytes(StandardCharsets.UTF_8).length > 262_144) {
      throw invalid("Invalid parameter: Message too long");
    }
    if (subject != null && (subject.isEmpty() || subject.length() > 100 || subject.matches("(?s).*[\\r\\n].*"))) {
      throw invalid("Invalid parameter: Subject");
    }
    if (t.name.endsWith(".fifo") && messageGroupId == null) {
      throw invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
    }
    if ("json".equals(structure)) {
      JsonNode doc;
      try {
        doc = JSON.readTree(message);
      } catch (java.io.IOException e) {
        doc = null;
      }
      if (doc == null || !doc.isObject() || !doc.has("default")) {
        throw invalid("Invalid parameter: Message Structure - No default entry in JSON message body");
      }
    }
    var m = new SnsState.Message();
    m.id = account.ids().uuid();
    m.subject = subject;
    m.body = message;
    m.at = account.now();
    t.messages.add(m);
    if (t.messages.size() > KEPT_MESSAGES) {
      t.messages.remove(0);
    }
    inbox.deliver(t, subscriptions.ofTopic(t.arn), m, structure);
    return m;
  }

  /** The recent messages of a topic, oldest first (empty for an unknown topic). */
  List<SnsState.Message> published(String arn) {
    SnsState.Topic t = topics().get(arn);
    return t == null ? List.of() : List.copyOf(t.messages);
  }

  void deleteTopic(String arn) {
    checkArn(arn, "TopicArn");
    topics().remove(arn);
    subscriptions.topicDeleted(arn);
  }

  SnsState.Topic taggable(String arn) {
    SnsState.Topic t = arn == null ? null : topics().get(arn);
    if (t == null) {
      throw account.error(ResourceNotFoundException.builder(), Service.SNS, 404, "ResourceNotFound",
          "Resource does not exist");
    }
    return t;
  }

  void tag(String arn, Map<String, String> tags) {
    SnsState.Topic t = taggable(arn);
    var keys = new java.util.HashSet<>(t.tags.keySet());
    keys.addAll(tags.keySet());
    checkTags(tags, keys.size());
    t.tags.putAll(tags);
  }

  void untag(String arn, Collection<String> keys) {
    taggable(arn).tags.keySet().removeAll(keys);
  }

  private void checkTags(Map<String, String> tags, int countAfter) {
    for (var e : tags.entrySet()) {
      if (e.getKey().startsWith("aws:")) {
        throw invalid("Invalid parameter: Tags Reason: Keys can't start with aws:");
      }
      if (e.getKey().isEmpty() || e.getKey().length() > 128 || e.getValue() == null || e.getValue().length() > 256) {
        throw invalid("Invalid parameter: Tags Reason: Tag key or value has an invalid length");
      }
    }
    if (countAfter > 50) {
      throw account.error(TagLimitExceededException.builder(), Service.SNS, 400, "TagLimitExceeded",
          "Could not complete request: tag quota of per resource exceeded");
    }
  }

  private void checkArn(String arn, String parameter) {
    if (arn == null || !arn.matches("arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+")) {
      throw invalid("Invalid parameter: " + parameter);
    }
  }

  private AwsServiceException invalid(String message) {
    return account.error(InvalidParameterException.builder(), Service.SNS, 400, "InvalidParameter", message);
  }

  private String defaultPolicy(String arn) {
    ObjectNode policy = JSON.createObjectNode().put("Version", "2008-10-17").put("Id", "__default_policy_ID");
    ObjectNode s = policy.putArray("Statement").addObject().put("Sid", "__default_statement_ID").put("Effect", "Allow");
    s.putObject("Principal").put("AWS", "*");
    var actions = s.putArray("Action");
    for (String a : List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
        "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish")) {
      actions.add(a);
    }
    s.put("Resource", arn);
    s.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", account.accountId());
    return policy.toString();
  }

  private static String defaultDeliveryPolicy() {
    ObjectNode policy = JSON.createObjectNode();
    ObjectNode http = policy.putObject("http");
    http.putObject("defaultHealthyRetryPolicy").put("minDelayTarget", 20).put("maxDelayTarget", 20)
        .put("numRetries", 3).put("numMaxDelayRetries", 0).put("numNoDelayRetries", 0).put("numMinDelayRetries", 0)
        .put("backoffFunction", "linear");
    http.put("disableSubscriptionOverrides", false);
    http.putObject("defaultRequestPolicy").put("headerContentType", "text/plain; charset=UTF-8");
    return policy.toString();
  }
}
