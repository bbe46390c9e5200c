package org.bgwizard.sandbox.sns;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * Subscriptions to a topic (Amazon SNS API Reference: Subscribe, ConfirmSubscription, Unsubscribe,
 * ListSubscriptionsByTopic). An e-mail endpoint must confirm first: Subscribe answers "pending confirmation" (unless
 * ReturnSubscriptionArn) and SNS mails the endpoint a confirmation message carrying a token; ConfirmSubscription with
 * that token (what the mail's link does) makes it CONFIRMED. Lists show a pending subscription's ARN as
 * "PendingConfirmation" ("Subscribe", "ListSubscriptionsByTopic", API Reference). Only e-mail endpoints receive
 * anything here ({@link SnsInbox}); other protocols are accepted and confirmed at once, and nothing is delivered to them.
 * Not modelled: pending subscriptions expiring, filter policies.
 */
final class SnsSubscriptions {
  static final String PENDING_RESPONSE = "pending confirmation";
  static final String PENDING_LISTED = "PendingConfirmation";
  /** Protocols the Subscribe documentation lists. */
  static final Set<String> PROTOCOLS = Set.of("http", "https", "email", "email-json", "sms", "sqs", "application",
      "lambda", "firehose");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final SandboxAccount account;
  private final SnsEngine topics;
  private final SnsInbox inbox;

  SnsSubscriptions(SandboxAccount account, SnsEngine topics, SnsInbox inbox) {
    this.account = account;
    this.topics = topics;
    this.inbox = inbox;
  }

  private Map<String, SnsState.Subscription> subs() {
    return account.state(SnsState.class).subscriptions;
  }

  /** Subscribe: the subscription's ARN, or "pending confirmation" while an e-mail endpoint has not confirmed. */
  String subscribe(String topicArn, String protocol, String endpoint, boolean returnArn) {
    SnsState.Topic t = topics.topic(topicArn);
    if (protocol == null || !PROTOCOLS.contains(protocol)) {
      throw invalid("Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
    }
    if (endpoint == null || endpoint.isEmpty()) {
      throw invalid("Invalid parameter: Endpoint");
    }
    boolean email = protocol.startsWith("email");
    if (email && !EMAIL.matcher(endpoint).matches()) {
      throw invalid("Invalid parameter: Email address");
    }
    SnsState.Subscription s = subs().values().stream()
        .filter(x -> x.topicArn.equals(t.arn) && x.protocol.equals(protocol) && x.endpoint.equals(endpoint))
        .findFirst().orElse(null);
    if (s == null) {
      s = new SnsState.Subscription();
      s.arn = t.arn + ":" + account.ids().uuid();
      s.topicArn = t.arn;
      s.protocol = protocol;
      s.endpoint = endpoint;
      s.created = account.now();
      s.status = email ? "PENDING" : "CONFIRMED";
      subs().put(s.arn, s);
    }
    if (s.status.equals("PENDING")) {
      // subscribing again while pending sends the confirmation mail again
      s.token = account.ids().hex(64);
      inbox.confirmationRequest(t, s);
      return returnArn ? s.arn : PENDING_RESPONSE;
    }
    return s.arn;
  }

  /** ConfirmSubscription: the token from the confirmation mail. */
  String confirm(String topicArn, String token) {
    topics.topic(topicArn);
    SnsState.Subscription s = subs().values().stream()
        .filter(x -> x.topicArn.equals(topicArn) && token != null && token.equals(x.token)).findFirst()
        .orElseThrow(() -> invalid("Invalid token"));
    s.status = "CONFIRMED";
    return s.arn;
  }

  void unsubscribe(String subscriptionArn) {
    subs().remove(get(subscriptionArn).arn);
  }

  SnsState.Subscription get(String subscriptionArn) {
    SnsState.Subscription s = subscriptionArn == null ? null : subs().get(subscriptionArn);
    if (s == null) {
      throw account.error(NotFoundException.builder(), Service.SNS, 404, "NotFound",
          "Subscription does not exist"); // (unv) wording
    }
    return s;
  }

  List<SnsState.Subscription> ofTopic(String topicArn) {
    topics.topic(topicArn);
    return subs().values().stream().filter(s -> s.topicArn.equals(topicArn)).toList();
  }

  List<SnsState.Subscription> all() {
    return List.copyOf(subs().values());
  }

  /** The ARN a list shows: "PendingConfirmation" until confirmed. */
  static String listedArn(SnsState.Subscription s) {
    return s.status.equals("CONFIRMED") ? s.arn : PENDING_LISTED;
  }

  /** Simulated, not an API call: the recipients click the link of every pending confirmation mail. */
  List<String> confirmAllPending() {
    List<SnsState.Subscription> pending = subs().values().stream().filter(s -> s.status.equals("PENDING")).toList();
    pending.forEach(s -> s.status = "CONFIRMED");
    return pending.stream().map(s -> s.arn).toList();
  }

  /** A topic deleted takes its subscriptions with it ("DeleteTopic", API Reference). */
  void topicDeleted(String topicArn) {
    subs().values().removeIf(s -> s.topicArn.equals(topicArn));
  }

  long count(String topicArn, String status) {
    return subs().values().stream().filter(s -> s.topicArn.equals(topicArn) && s.status.equals(status)).count();
  }

  private AwsServiceException invalid(String message) {
    return account.error(InvalidParameterException.builder(), Service.SNS, 400, "InvalidParameter", message);
  }
}
