package org.bgwizard.sandbox.sns;

import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import org.bgwizard.sandbox.core.TagLists;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionRequest;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionResponse;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;
import software.amazon.awssdk.services.sns.model.UntagResourceRequest;
import software.amazon.awssdk.services.sns.model.UntagResourceResponse;

/**
 * SNS topics (for the pipeline's approval notifications), their subscriptions ({@link SnsSubscriptions}) and the
 * e-mail they deliver to the simulated inbox ({@link SnsInbox}).
 */
public final class SandboxSnsClient implements SnsClient {
  /** ListTopics returns up to 100 topics per call. */
  static final int PAGE_SIZE = 100;

  private final SandboxAccount account;
  private final SnsEngine engine;

  public SandboxSnsClient(SandboxAccount account, SnsEngine engine) {
    this.account = account;
    this.engine = engine;
  }

  @Override
  public CreateTopicResponse createTopic(CreateTopicRequest r) {
    return account.call(Service.SNS, "CreateTopic", () -> CreateTopicResponse.builder()
        .topicArn(engine.createTopic(r.name(), r.attributes(), tags(r.tags())).arn).build());
  }

  @Override
  public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest r) {
    return account.call(Service.SNS, "GetTopicAttributes", () -> GetTopicAttributesResponse.builder()
        .attributes(engine.attributes(r.topicArn())).build());
  }

  @Override
  public SetTopicAttributesResponse setTopicAttributes(SetTopicAttributesRequest r) {
    return account.call(Service.SNS, "SetTopicAttributes", () -> {
      engine.setAttribute(r.topicArn(), r.attributeName(), r.attributeValue());
      return SetTopicAttributesResponse.builder().build();
    });
  }

  @Override
  public ListTopicsResponse listTopics(ListTopicsRequest r) {
    return account.call(Service.SNS, "ListTopics", () -> {
      var page = ListPage.of(engine.topicsInOrder(), t -> t.arn, r.nextToken(), PAGE_SIZE,
          () -> account.error(InvalidParameterException.builder(), Service.SNS, 400, "InvalidParameter",
              "Invalid parameter: NextToken"));
      return ListTopicsResponse.builder()
          .topics(page.items().stream().map(t -> Topic.builder().topicArn(t.arn).build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public PublishResponse publish(PublishRequest r) {
    return account.call(Service.SNS, "Publish", () -> {
      String arn = r.topicArn() != null ? r.topicArn() : r.targetArn();
      SnsState.Message m = engine.publish(arn, r.subject(), r.message(), r.messageGroupId(),
          r.messageStructure());
      return PublishResponse.builder().messageId(m.id).build();
    });
  }

  @Override
  public SubscribeResponse subscribe(SubscribeRequest r) {
    return account.call(Service.SNS, "Subscribe", () -> SubscribeResponse.builder()
        .subscriptionArn(engine.subscriptions().subscribe(r.topicArn(), r.protocol(), r.endpoint(),
            Boolean.TRUE.equals(r.returnSubscriptionArn()))).build());
  }

  @Override
  public ConfirmSubscriptionResponse confirmSubscription(ConfirmSubscriptionRequest r) {
    return account.call(Service.SNS, "ConfirmSubscription", () -> ConfirmSubscriptionResponse.builder()
        .subscriptionArn(engine.subscriptions().confirm(r.topicArn(), r.token())).build());
  }

  @Override
  public UnsubscribeResponse unsubscribe(UnsubscribeRequest r) {
    return account.call(Service.SNS, "Unsubscribe", () -> {
      engine.subscriptions().unsubscribe(r.subscriptionArn());
      return UnsubscribeResponse.builder().build();
    });
  }

  @Override
  public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest r) {
    return account.call(Service.SNS, "ListSubscriptionsByTopic", () -> {
      var page = ListPage.of(engine.subscriptions().ofTopic(r.topicArn()), s -> s.arn, r.nextToken(), PAGE_SIZE,
          () -> account.error(InvalidParameterException.builder(), Service.SNS, 400, "InvalidParameter",
              "Invalid parameter: NextToken"));
      return ListSubscriptionsByTopicResponse.builder().subscriptions(page.items().stream().map(this::subscription)
          .toList()).nextToken(page.nextToken()).build();
    });
  }

  @Override
  public ListSubscriptionsResponse listSubscriptions(ListSubscriptionsRequest r) {
    return account.call(Service.SNS, "ListSubscriptions", () -> {
      var page = ListPage.of(engine.subscriptions().all(), s -> s.arn, r.nextToken(), PAGE_SIZE,
          () -> account.error(InvalidParameterException.builder(), Service.SNS, 400, "InvalidParameter",
              "Invalid parameter: NextToken"));
      return ListSubscriptionsResponse.builder().subscriptions(page.items().stream().map(this::subscription)
          .toList()).nextToken(page.nextToken()).build();
    });
  }

  /**
   * GetSubscriptionAttributes: SubscriptionArn, TopicArn, Owner, Protocol, Endpoint, PendingConfirmation ("true" until
   * confirmed), ConfirmationWasAuthenticated ("GetSubscriptionAttributes", API Reference).
   */
  @Override
  public GetSubscriptionAttributesResponse getSubscriptionAttributes(GetSubscriptionAttributesRequest r) {
    return account.call(Service.SNS, "GetSubscriptionAttributes", () -> {
      SnsState.Subscription s = engine.subscriptions().get(r.subscriptionArn());
      boolean pending = s.status.equals("PENDING");
      return GetSubscriptionAttributesResponse.builder().attributes(Map.of("SubscriptionArn", s.arn, "TopicArn",
          s.topicArn, "Owner", account.accountId(), "Protocol", s.protocol, "Endpoint", s.endpoint,
          "PendingConfirmation", String.valueOf(pending), "ConfirmationWasAuthenticated", "false")).build();
    });
  }

  private Subscription subscription(SnsState.Subscription s) {
    return Subscription.builder().subscriptionArn(SnsSubscriptions.listedArn(s)).owner(account.accountId())
        .protocol(s.protocol).endpoint(s.endpoint).topicArn(s.topicArn).build();
  }

  @Override
  public DeleteTopicResponse deleteTopic(DeleteTopicRequest r) {
    return account.call(Service.SNS, "DeleteTopic", () -> {
      engine.deleteTopic(r.topicArn());
      return DeleteTopicResponse.builder().build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return account.call(Service.SNS, "TagResource", () -> {
      engine.tag(r.resourceArn(), tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return account.call(Service.SNS, "UntagResource", () -> {
      engine.untag(r.resourceArn(), r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return account.call(Service.SNS, "ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(TagLists.fromMap(engine.taggable(r.resourceArn()).tags, (k, v) -> Tag.builder().key(k).value(v).build()))
        .build());
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, Tag::value);
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
