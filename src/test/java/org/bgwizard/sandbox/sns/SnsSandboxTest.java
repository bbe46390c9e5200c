package org.bgwizard.sandbox.sns;

import static org.bgwizard.sandbox.BasicServiceAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

class SnsSandboxTest {
  static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:demo-approvals";
  ManualClock clock = ManualClock.startingAt(BasicServiceAssertions.START);
  Sandbox sandbox;
  SnsClient sns;

  @BeforeEach
  void setUp() {
    sandbox = BasicServiceAssertions.fresh(clock);
    sns = sandbox.sns();
  }

  private List<SnsState.Message> published(String arn) {
    return sandbox.account().state(SnsState.class).topics.get(arn).messages;
  }

  @Test
  void createTopic_isIdempotentByName_butNotWithDifferentAttributes() {
    String arn = sns.createTopic(b -> b.name("demo-approvals")).topicArn();

    assertEquals(TOPIC, arn);
    assertEquals(arn, sns.createTopic(b -> b.name("demo-approvals")).topicArn());
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Topic already exists with different attributes",
        () -> sns.createTopic(b -> b.name("demo-approvals").attributes(Map.of("DisplayName", "other"))));
  }

  @Test
  void createTopic_withAnInvalidName_orFifoMismatch_isInvalidParameter() {
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Invalid parameter: Topic Name",
        () -> sns.createTopic(b -> b.name("has space")));
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Topic Name",
        () -> sns.createTopic(b -> b.name("orders.fifo")));
    sns.createTopic(b -> b.name("orders.fifo").attributes(Map.of("FifoTopic", "true")));
  }

  @Test
  void getTopicAttributes_includesOwnerPolicyAndWhatWasSet_andMissingTopicIsNotFound() throws Exception {
    sns.createTopic(b -> b.name("demo-approvals"));
    sns.setTopicAttributes(b -> b.topicArn(TOPIC).attributeName("DisplayName").attributeValue("Approvals"));

    Map<String, String> attrs = sns.getTopicAttributes(b -> b.topicArn(TOPIC)).attributes();
    assertEquals("123456789012", attrs.get("Owner"));
    assertEquals("Approvals", attrs.get("DisplayName"));
    assertEquals(TOPIC, new ObjectMapper().readTree(attrs.get("Policy")).path("Statement").get(0).path("Resource").asText());
    var e = assertAwsError(NotFoundException.class, "NotFound", "Topic does not exist",
        () -> sns.getTopicAttributes(b -> b.topicArn(TOPIC.replace("demo", "other"))));
    assertEquals(404, e.statusCode());
  }

  @Test
  void publish_keepsTheMostRecentMessages_andRejectsEmptyOnes() {
    sns.createTopic(b -> b.name("demo-approvals"));
    for (int i = 0; i < SnsEngine.KEPT_MESSAGES + 5; i++) {
      int n = i;
      String id = sns.publish(b -> b.topicArn(TOPIC).subject("Approval needed").message("message " + n)).messageId();
      assertTrue(id.matches("[0-9a-f-]{36}"));
    }

    List<SnsState.Message> kept = published(TOPIC);
    assertEquals(SnsEngine.KEPT_MESSAGES, kept.size());
    assertEquals("message 5", kept.get(0).body);
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Empty message",
        () -> sns.publish(b -> b.topicArn(TOPIC).message("")));
    assertAwsError(NotFoundException.class, "NotFound", "Topic does not exist",
        () -> sns.publish(b -> b.topicArn(TOPIC + "x").message("hi")));
  }

  @Test
  void publish_toAFifoTopic_needsAMessageGroupId() {
    String arn = sns.createTopic(b -> b.name("orders.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();

    assertAwsError(InvalidParameterException.class, "InvalidParameter", "MessageGroupId",
        () -> sns.publish(b -> b.topicArn(arn).message("m")));
    sns.publish(b -> b.topicArn(arn).message("m").messageGroupId("g"));
  }

  @Test
  void listTopics_paginatesWithTheSdkPaginator() {
    for (int i = 0; i < SandboxSnsClient.PAGE_SIZE + 3; i++) {
      int n = i;
      sns.createTopic(b -> b.name("topic-" + n));
    }

    List<String> arns = sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
    assertEquals(SandboxSnsClient.PAGE_SIZE + 3, arns.size());
    assertEquals(arns.size(), Set.copyOf(arns).size());
  }

  @Test
  void deleteTopic_isIdempotent() {
    sns.createTopic(b -> b.name("demo-approvals"));
    sns.deleteTopic(b -> b.topicArn(TOPIC));
    sns.deleteTopic(b -> b.topicArn(TOPIC));

    assertAwsError(NotFoundException.class, "NotFound", null, () -> sns.getTopicAttributes(b -> b.topicArn(TOPIC)));
  }

  @Test
  void tags_areAddedListedAndRemoved_andAnUnknownTopicIsResourceNotFound() {
    sns.createTopic(b -> b.name("demo-approvals").tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    sns.tagResource(b -> b.resourceArn(TOPIC).tags(Tag.builder().key("team").value("ops").build()));
    sns.untagResource(b -> b.resourceArn(TOPIC).tagKeys("team"));

    assertEquals(List.of("bgwizard:setup"),
        sns.listTagsForResource(b -> b.resourceArn(TOPIC)).tags().stream().map(Tag::key).toList());
    assertAwsError(ResourceNotFoundException.class, "ResourceNotFound", "Resource does not exist",
        () -> sns.listTagsForResource(b -> b.resourceArn(TOPIC + "x")));
  }

  @Test
  void publish_withASubjectOverOneHundredCharsOrMultiline_isInvalidParameter() {
    sns.createTopic(b -> b.name("demo-approvals"));

    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Subject",
        () -> sns.publish(b -> b.topicArn(TOPIC).subject("s".repeat(101)).message("m")));
    assertAwsError(InvalidParameterException.class, "InvalidParameter", "Subject",
        () -> sns.publish(b -> b.topicArn(TOPIC).subject("two\nlines").message("m")));
  }

  @Test
  void savedAccount_reopened_keepsTopicsTagsAndMessages(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    SnsClient first = Sandbox.open(file, "us-east-1", t -> clock, Sleeper.NONE).sns();
    first.createTopic(b -> b.name("demo-approvals").tags(Tag.builder().key("bgwizard:setup").value("demo").build()));
    first.publish(b -> b.topicArn(TOPIC).message("approve please"));

    Sandbox second = BasicServiceAssertions.reopen(file);
    assertEquals("demo", second.sns().listTagsForResource(b -> b.resourceArn(TOPIC)).tags().get(0).value());
    assertEquals("approve please", second.account().state(SnsState.class).topics.get(TOPIC).messages.get(0).body);
  }
}
