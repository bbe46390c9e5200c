package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogsTest {
  private final EcsFixture f = new EcsFixture();
  private final CloudWatchLogsClient logs = f.sandbox.logs();

  private void create(String name) {
    logs.createLogGroup(r -> r.logGroupName(name));
  }

  @Test
  void existingGroup_isResourceAlreadyExists() {
    create("/ecs/demo");
    var e = assertThrows(ResourceAlreadyExistsException.class, () -> create("/ecs/demo"));
    assertEquals("ResourceAlreadyExistsException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("The specified log group already exists"));
  }

  @Test
  void invalidOrReservedName_isInvalidParameter() {
    assertThrows(InvalidParameterException.class, () -> create("bad name"));
    assertThrows(InvalidParameterException.class, () -> create("aws/reserved"));
  }

  @Test
  void describeLogGroups_byPrefix_withPaginator() {
    for (String n : List.of("/ecs/a", "/ecs/b", "/ecs/c", "/aws/codebuild/x")) {
      create(n);
    }
    var names = logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/ecs/").limit(1)).logGroups().stream()
        .map(LogGroup::logGroupName).toList();
    assertEquals(List.of("/ecs/a", "/ecs/b", "/ecs/c"), names);
    LogGroup g = logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/a")).logGroups().get(0);
    assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/a:*", g.arn());
    assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/a", g.logGroupArn());
    assertEquals(f.clock.instant().toEpochMilli(), g.creationTime());
  }

  @Test
  void deleteLogGroup_missingIsResourceNotFound() {
    create("/ecs/demo");
    logs.deleteLogGroup(r -> r.logGroupName("/ecs/demo"));
    var e = assertThrows(ResourceNotFoundException.class, () -> logs.deleteLogGroup(r -> r.logGroupName("/ecs/demo")));
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("The specified log group does not exist."));
  }

  @Test
  void retention_acceptsOnlyTheListedDays_andDropsOlderEvents() {
    create("/ecs/demo");
    var e = assertThrows(InvalidParameterException.class,
        () -> logs.putRetentionPolicy(r -> r.logGroupName("/ecs/demo").retentionInDays(2)));
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());

    f.sandbox.ports.logSink.append("/ecs/demo", "s", "old");
    logs.putRetentionPolicy(r -> r.logGroupName("/ecs/demo").retentionInDays(1));
    assertEquals(1, logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/demo")).logGroups().get(0)
        .retentionInDays());
    f.advance(2 * 86400);
    f.sandbox.ports.logSink.append("/ecs/demo", "s", "new");
    assertEquals(List.of("new"), logs.getLogEvents(r -> r.logGroupName("/ecs/demo").logStreamName("s")).events()
        .stream().map(OutputLogEvent::message).toList());
  }

  @Test
  @SuppressWarnings("deprecation")
  void tags_byArnAndByGroupName() {
    create("/ecs/demo");
    String arn = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/demo";
    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("bgwizard:setup", "demo")));
    assertEquals(Map.of("bgwizard:setup", "demo"), logs.listTagsForResource(r -> r.resourceArn(arn)).tags());
    logs.untagLogGroup(r -> r.logGroupName("/ecs/demo").tags("bgwizard:setup"));
    assertEquals(Map.of(), logs.listTagsLogGroup(r -> r.logGroupName("/ecs/demo")).tags());
    assertThrows(ResourceNotFoundException.class, () -> logs.listTagsForResource(r -> r.resourceArn(arn + "x")));
  }

  @Test
  void streams_areCreatedOnce_andDescribedByNameOrLastEvent() {
    create("/ecs/demo");
    logs.createLogStream(r -> r.logGroupName("/ecs/demo").logStreamName("b"));
    assertThrows(ResourceAlreadyExistsException.class,
        () -> logs.createLogStream(r -> r.logGroupName("/ecs/demo").logStreamName("b")));
    f.advance(1);
    f.sandbox.ports.logSink.append("/ecs/demo", "a", "hello");

    assertEquals(List.of("a", "b"), logs.describeLogStreamsPaginator(r -> r.logGroupName("/ecs/demo").limit(1))
        .logStreams().stream().map(s -> s.logStreamName()).toList());
    assertEquals("a", logs.describeLogStreams(r -> r.logGroupName("/ecs/demo").orderBy(OrderBy.LAST_EVENT_TIME)
        .descending(true)).logStreams().get(0).logStreamName());
    var e = assertThrows(InvalidParameterException.class, () -> logs.describeLogStreams(r -> r
        .logGroupName("/ecs/demo").orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("a")));
    assertTrue(e.getMessage().contains("Cannot order by LastEventTime with a logStreamNamePrefix."));
  }

  @Test
  void getLogEventsPaginator_readsTheWholeStream_andStops() {
    create("/ecs/demo");
    for (int i = 0; i < 5; i++) {
      f.sandbox.ports.logSink.append("/ecs/demo", "s", "line " + i);
    }
    var messages = logs.getLogEventsPaginator(r -> r.logGroupName("/ecs/demo").logStreamName("s").startFromHead(true)
        .limit(2)).events().stream().map(OutputLogEvent::message).toList();
    assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4"), messages);
    assertEquals(List.of("line 3", "line 4"), logs.getLogEvents(r -> r.logGroupName("/ecs/demo").logStreamName("s")
        .limit(2)).events().stream().map(OutputLogEvent::message).toList());
  }

  @Test
  void filterLogEvents_matchesTermsAcrossStreams() {
    create("/ecs/demo");
    f.sandbox.ports.logSink.append("/ecs/demo", "a", "GET / 200");
    f.advance(1);
    f.sandbox.ports.logSink.append("/ecs/demo", "b", "exec format error");
    f.sandbox.ports.logSink.append("/ecs/demo", "b", "GET /health 500");

    var found = logs.filterLogEventsPaginator(r -> r.logGroupName("/ecs/demo").filterPattern("GET").limit(1))
        .events().stream().map(e -> e.logStreamName() + ":" + e.message()).toList();
    assertEquals(List.of("a:GET / 200", "b:GET /health 500"), found);
    assertEquals(1, logs.filterLogEvents(r -> r.logGroupName("/ecs/demo").filterPattern("\"format error\""))
        .events().size());
  }

  @Test
  void logSink_writesOnlyToExistingGroups() {
    assertFalse(f.sandbox.ports.logSink.groupExists("/ecs/demo"));
    f.sandbox.ports.logSink.append("/ecs/demo", "s", "lost");
    create("/ecs/demo");
    assertTrue(f.sandbox.ports.logSink.groupExists("/ecs/demo"));
    assertEquals(List.of(), logs.describeLogStreams(r -> r.logGroupName("/ecs/demo")).logStreams());
  }
}
