package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.Topics.SubscriptionInfo;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The e-mail subscription to the approval topic the setup creates (issue 15, decision 4). AWS first mails the address
 * a confirmation link: until it is followed the subscription is "pending confirmation" and receives nothing (Amazon
 * SNS Developer Guide, "Email notifications"; SubscribeResponse.SubscriptionArn). A subscription pending confirmation
 * cannot be deleted: SNS deletes it after 48 hours, or with its topic ("Deleting an Amazon SNS topic and
 * subscription"), which teardown deletes with it.
 */
final class EmailSubscriptionStep extends AwsStep<SubscriptionInfo> {
  static final String PENDING_NOTE = "pending confirmation — AWS sends a confirmation mail first";

  private final ResourceRef topic;
  private final String email;

  EmailSubscriptionStep(Setup whole, TopicStep topic) {
    super(whole, ResourceKind.SNS_SUBSCRIPTION, topic.ref().name() + ":" + email(whole), org.bgwizard.provision.Origin
        .CREATE, List.of(topic.ref()), Duration.ofSeconds(1));
    this.topic = topic.ref();
    this.email = email(whole);
  }

  private static String email(Setup whole) {
    return whole.spec().environments().approvalTopic().email().strip();
  }

  @Override
  Optional<SubscriptionInfo> lookUp() {
    var topics = setup.aws().topics();
    return topics.find(topic.name()).flatMap(arn -> find(topics.subscriptions(arn)));
  }

  private Optional<SubscriptionInfo> find(List<SubscriptionInfo> subscriptions) {
    return subscriptions.stream().filter(s -> "email".equals(s.protocol()) && email.equalsIgnoreCase(s.endpoint()))
        .findFirst();
  }

  @Override
  PlanStatus compare(SubscriptionInfo found) {
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(SubscriptionInfo found) {
    return found.pending() ? "pending confirmation" : found.arn();
  }

  /**
   * A subscription the journal recorded "pending confirmation" is the one found with an ARN once its address followed
   * the link: confirming gives it its ARN (Amazon SNS API Reference, Subscribe: "the string 'pending confirmation'
   * if the subscription requires confirmation"; ConfirmSubscription returns the SubscriptionArn). It is still the
   * subscription apply made, not one replaced outside the wizard.
   */
  @Override
  boolean sameResource(String recordedId, String foundId) {
    return super.sameResource(recordedId, foundId) || org.bgwizard.aws.Topics.PENDING.contains(recordedId);
  }

  @Override
  Map<String, String> tagsOf(SubscriptionInfo found) {
    return Map.of();
  }

  @Override
  List<String> notes(Optional<SubscriptionInfo> found) {
    return found.isEmpty() || found.get().pending() ? List.of(PENDING_NOTE + " to " + email) : List.of();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var topics = setup.aws().topics();
    String topicArn = ctx.output(topic, "arn");
    Optional<SubscriptionInfo> found = call(ctx, "sns ListSubscriptionsByTopic " + topic.name(),
        () -> find(topics.subscriptions(topicArn)));
    String arn;
    if (found.isPresent()) {
      arn = found.get().arn();
    } else {
      ctx.beforeCreate();
      arn = call(ctx, "sns Subscribe " + email, () -> topics.subscribeEmail(topicArn, email));
      ctx.created(Map.of("arn", arn, "topicArn", topicArn));
    }
    if (arn == null || org.bgwizard.aws.Topics.PENDING.contains(arn)) {
      ctx.progress(PENDING_NOTE + " to " + email + ": approval requests reach it once the link in that mail is"
          + " followed");
    }
    return StepOutcome.of("arn", arn == null ? "pending confirmation" : arn, "topicArn", topicArn, "email", email);
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    var topics = setup.aws().topics();
    Optional<String> topicArn = entry.output("topicArn").or(() -> topics.find(topic.name()));
    if (topicArn.isEmpty()) {
      return;
    }
    List<SubscriptionInfo> subscriptions;
    try {
      subscriptions = call(ctx, "sns ListSubscriptionsByTopic " + topic.name(), () -> topics.subscriptions(
          topicArn.get()));
    } catch (Exception e) {
      if (new SdkErrorClassifier().isNotFound(e)) {
        return;
      }
      throw e;
    }
    Optional<SubscriptionInfo> found = find(subscriptions);
    if (found.isEmpty()) {
      return;
    }
    if (found.get().pending()) {
      ctx.progress("pending confirmation: SNS cannot delete it; it goes with the topic, or after 48 hours");
      return;
    }
    run(ctx, "sns Unsubscribe " + email, () -> topics.unsubscribe(found.get().arn()));
  }

  @Override
  public String cliEquivalent() {
    var target = setup.target();
    return "aws sns subscribe --topic-arn arn:" + target.partition() + ":sns:" + target.region() + ":"
        + target.accountId() + ":" + topic.name() + " --protocol email"
        + " --notification-endpoint " + email + "  # " + PENDING_NOTE;
  }
}
