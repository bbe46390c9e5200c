package org.bgwizard.sandbox.sns;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.BasicServiceAssertions;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.core.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/** E-mail subscriptions, their confirmation handshake, and delivery to the simulated inbox (SNS API Reference). */
class SnsSubscriptionsTest {
  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:demo-approvals";
  static final String ALICE = "alice@example.com";
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  SnsClient sns;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    sns = sandbox.sns();
    sns.createTopic(b -> b.name("demo-approvals"));
  }

  private String subscribeAlice() {
    return sns.subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint(ALICE)).subscriptionArn();
  }

  private List<Subscription> listed() {
    return sns.listSubscriptionsByTopic(b -> b.topicArn(TOPIC)).subscriptions();
  }

  @Test
  void anEmailSubscription_isPendingConfirmation_andTheAddressGetsAConfirmationMail() {
    assertEquals("pending confirmation", subscribeAlice());

    assertEquals("PendingConfirmation", listed().get(0).subscriptionArn());
    assertEquals(ALICE, listed().get(0).endpoint());
    assertEquals("1", sns.getTopicAttributes(b -> b.topicArn(TOPIC)).attributes().get("SubscriptionsPending"));
    List<SnsState.Mail> inbox = sandbox.inbox();
    assertEquals(1, inbox.size());
    assertEquals(ALICE, inbox.get(0).recipient);
    assertEquals("AWS Notification - Subscription Confirmation", inbox.get(0).subject);
    assertTrue(inbox.get(0).body.contains(TOPIC) && inbox.get(0).body.contains("confirmation.html?"));
  }

  @Test
  void returnSubscriptionArn_givesTheArnEvenWhilePending_andItsAttributesSayPending() {
    String arn = sns.subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint(ALICE).returnSubscriptionArn(true))
        .subscriptionArn();

    assertTrue(arn.startsWith(TOPIC + ":"), arn);
    assertEquals("PendingConfirmation", listed().get(0).subscriptionArn());
    var attributes = sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes();
    assertEquals("true", attributes.get("PendingConfirmation"));
    assertEquals(ALICE, attributes.get("Endpoint"));
    sandbox.confirmEmailSubscriptions();
    assertEquals("false", sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes()
        .get("PendingConfirmation"));
  }

  @Test
  void confirmSubscription_withTheMailsToken_confirmsIt_andAWrongTokenIsInvalid() {
    subscribeAlice();
    Matcher token = Pattern.compile("Token=([0-9a-f]+)").matcher(sandbox.inbox().get(0).body);
    assertTrue(token.find());

    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Invalid token",
        () -> sns.confirmSubscription(b -> b.topicArn(TOPIC).token("0".repeat(64))));
    String arn = sns.confirmSubscription(b -> b.topicArn(TOPIC).token(token.group(1))).subscriptionArn();
    assertEquals(arn, listed().get(0).subscriptionArn());
    assertEquals("1", sns.getTopicAttributes(b -> b.topicArn(TOPIC)).attributes().get("SubscriptionsConfirmed"));
    assertEquals(arn, subscribeAlice(), "subscribing a confirmed address again returns its ARN");
  }

  @Test
  void publish_reachesOnlyConfirmedAddresses_withItsSubjectAndAnUnsubscribeFooter() {
    subscribeAlice();
    sns.subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint("bob@example.com"));
    sns.publish(b -> b.topicArn(TOPIC).subject("before").message("nobody confirmed yet"));
    assertEquals(2, sandbox.inbox().size(), "only the two confirmation mails");

    List<String> confirmed = sandbox.confirmEmailSubscriptions();
    assertEquals(2, confirmed.size());
    assertTrue(confirmed.get(0).startsWith(TOPIC + ":"));
    assertTrue(sandbox.confirmEmailSubscriptions().isEmpty(), "none pending any more");
    String id = sns.publish(b -> b.topicArn(TOPIC).subject("Approval needed").message("Please review")).messageId();

    List<SnsState.Mail> mails = sandbox.inbox().subList(2, sandbox.inbox().size());
    assertEquals(List.of(ALICE, "bob@example.com"), mails.stream().map(m -> m.recipient).sorted().toList());
    SnsState.Mail m = mails.get(0);
    assertEquals("Approval needed", m.subject);
    assertEquals(id, m.messageId);
    assertEquals(TOPIC, m.topicArn);
    assertEquals(clock.instant(), m.at);
    assertTrue(m.body.startsWith("Please review\n") && m.body.contains("unsubscribe.html?SubscriptionArn="), m.body);
  }

  @Test
  void publishWithJsonStructure_mailsTheEmailText_andNeedsADefault() {
    subscribeAlice();
    sandbox.confirmEmailSubscriptions();

    sns.publish(b -> b.topicArn(TOPIC).messageStructure("json")
        .message("{\"default\":\"{\\\"machine\\\":true}\",\"email\":\"Hello reader\"}"));
    assertTrue(sandbox.inbox().get(1).body.startsWith("Hello reader"));
    assertEquals("AWS Notification Message", sandbox.inbox().get(1).subject);
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "No default entry",
        () -> sns.publish(b -> b.topicArn(TOPIC).messageStructure("json").message("{\"email\":\"x\"}")));
  }

  @Test
  void subscribe_checksTopicProtocolAndAddress() {
    assertAwsError(NotFoundException.class, "NotFound", "Topic does not exist",
        () -> sns.subscribe(b -> b.topicArn(TOPIC + "x").protocol("email").endpoint(ALICE)));
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "protocol",
        () -> sns.subscribe(b -> b.topicArn(TOPIC).protocol("pigeon").endpoint(ALICE)));
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Email address",
        () -> sns.subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint("not-an-address")));
    assertTrue(sandbox.inbox().isEmpty());
  }

  @Test
  void unsubscribe_andDeleteTopic_removeSubscriptions() {
    String arn = sns.subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint(ALICE).returnSubscriptionArn(true))
        .subscriptionArn();
    sns.unsubscribe(b -> b.subscriptionArn(arn));
    assertTrue(listed().isEmpty());
    assertAwsError(NotFoundException.class, "NotFound", null, () -> sns.unsubscribe(b -> b.subscriptionArn(arn)));

    subscribeAlice();
    sns.deleteTopic(b -> b.topicArn(TOPIC));
    assertTrue(sns.listSubscriptions().subscriptions().isEmpty());
  }

  @Test
  void savedAccount_reopened_keepsSubscriptionsAndTheInbox(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    Sandbox first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE);
    first.sns().createTopic(b -> b.name("demo-approvals"));
    first.sns().subscribe(b -> b.topicArn(TOPIC).protocol("email").endpoint(ALICE));
    first.confirmEmailSubscriptions();
    first.sns().publish(b -> b.topicArn(TOPIC).message("approve please"));

    Sandbox second = BasicServiceAssertions.reopen(file);
    assertEquals(2, second.inbox().size());
    assertTrue(second.inbox().get(1).body.startsWith("approve please"));
    assertFalse(second.sns().listSubscriptionsByTopic(b -> b.topicArn(TOPIC)).subscriptions().get(0)
        .subscriptionArn().equals("PendingConfirmation"));
  }
}
