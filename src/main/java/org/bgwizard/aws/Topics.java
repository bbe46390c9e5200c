package org.bgwizard.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * SNS topics and their e-mail subscriptions, for the approval notifications of a setup with environments (Amazon SNS
 * API Reference: CreateTopic, ListTopics, DeleteTopic, ListTagsForResource, Subscribe, ListSubscriptionsByTopic,
 * Unsubscribe). Lists follow NextToken.
 */
public final class Topics {
  /**
   * What Subscribe and ListSubscriptionsByTopic give as the ARN of a subscription not yet confirmed (SubscribeResponse
   * "the string 'pending confirmation' if the subscription requires confirmation"; the listing says
   * "PendingConfirmation").
   */
  public static final List<String> PENDING = List.of("pending confirmation", "PendingConfirmation");

  private final AwsClients clients;

  public Topics(AwsClients clients) {
    this.clients = clients;
  }

  private SnsClient sns() {
    return clients.sns();
  }

  /** One subscription of a topic: {@code pending} until its endpoint confirms it. */
  public record SubscriptionInfo(String arn, String protocol, String endpoint) {
    public boolean pending() {
      return arn == null || PENDING.contains(arn);
    }
  }

  /** The ARNs of every topic in the region (ListTopics, every page). */
  public List<String> arns() {
    var out = new ArrayList<String>();
    String token = null;
    do {
      String next = token;
      var page = sns().listTopics(r -> r.nextToken(next));
      page.topics().forEach(t -> out.add(t.topicArn()));
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  /** The ARN of the topic named {@code name} in the region, or empty. */
  public Optional<String> find(String name) {
    String token = null;
    do {
      String next = token;
      var page = sns().listTopics(r -> r.nextToken(next));
      for (var topic : page.topics()) {
        String arn = topic.topicArn();
        if (arn.substring(arn.lastIndexOf(':') + 1).equals(name)) {
          return Optional.of(arn);
        }
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.empty();
  }

  /** Creates the topic (CreateTopic with the same name and tags returns the same ARN); its ARN. */
  public String create(String name, Map<String, String> tags) {
    return sns().createTopic(r -> r.name(name).tags(tags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList())).topicArn();
  }

  /** Deletes the topic; its subscriptions go with it, asynchronously ("Deleting an Amazon SNS topic"). */
  public void delete(String arn) {
    try {
      sns().deleteTopic(r -> r.topicArn(arn));
    } catch (NotFoundException e) {
      // already gone
    }
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new TreeMap<String, String>();
    sns().listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  /** The topic's subscriptions, confirmed or not. */
  public List<SubscriptionInfo> subscriptions(String topicArn) {
    var out = new ArrayList<SubscriptionInfo>();
    String token = null;
    do {
      String next = token;
      var page = sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn).nextToken(next));
      page.subscriptions().forEach(s -> out.add(new SubscriptionInfo(s.subscriptionArn(), s.protocol(),
          s.endpoint())));
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  /**
   * Subscribes {@code email} to the topic. AWS first sends a confirmation mail: until it is answered the subscription
   * is "pending confirmation" and gets no message. Returns what Subscribe answers.
   */
  public String subscribeEmail(String topicArn, String email) {
    return sns().subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint(email)).subscriptionArn();
  }

  /**
   * Deletes a confirmed subscription. One pending confirmation cannot be deleted: SNS deletes it itself after 48
   * hours, or with its topic ("Deleting an Amazon SNS topic and subscription").
   */
  public void unsubscribe(String subscriptionArn) {
    try {
      sns().unsubscribe(r -> r.subscriptionArn(subscriptionArn));
    } catch (NotFoundException e) {
      // already gone
    }
  }
}
