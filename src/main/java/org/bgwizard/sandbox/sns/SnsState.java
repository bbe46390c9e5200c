package org.bgwizard.sandbox.sns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated SNS service: plain data, saved as JSON with the whole account. */
public final class SnsState {
  /** Topics by ARN. */
  public Map<String, Topic> topics = new TreeMap<>();
  /** Subscriptions by ARN (SnsSubscriptions); left out of the file while empty, as before they existed. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, Subscription> subscriptions = new TreeMap<>();
  /** The simulated inbox: every e-mail SNS sent, oldest first, bounded (SnsInbox); left out while empty. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public List<Mail> inbox = new ArrayList<>();

  public static final class Topic {
    public String name;
    public String arn;
    /** The attributes set by CreateTopic/SetTopicAttributes (the computed ones are added when read). */
    public Map<String, String> attributes = new TreeMap<>();
    public Map<String, String> tags = new TreeMap<>();
    /** The most recent messages published, oldest first (a bounded history for practice and tests). */
    public List<Message> messages = new ArrayList<>();
  }

  public static final class Message {
    public String id;
    public String subject;
    public String body;
    public Instant at;
  }

  public static final class Subscription {
    public String arn;
    public String topicArn;
    /** email, email-json, http, https, sqs, lambda, sms, application, firehose. */
    public String protocol;
    public String endpoint;
    /** PENDING until the endpoint's owner confirms (e-mail: the link in the confirmation mail), then CONFIRMED. */
    public String status;
    /** The token the confirmation mail carries (ConfirmSubscription's Token). */
    public String token;
    public Instant created;
  }

  /** One e-mail in the simulated inbox. */
  public static final class Mail {
    public String id;
    public Instant at;
    public String topicArn;
    public String recipient;
    public String subject;
    public String body;
    /** The published message's id; null for a subscription confirmation. */
    public String messageId;
  }
}
