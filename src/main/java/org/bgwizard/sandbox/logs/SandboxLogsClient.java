package org.bgwizard.sandbox.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgwizard.sandbox.logs.LogsState.LogEvent;
import org.bgwizard.sandbox.logs.LogsState.LogGroup;
import org.bgwizard.sandbox.logs.LogsState.LogStream;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.ListPage;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * CloudWatch Logs over {@link LogsEngine}. GetLogEvents tokens are {@code f/<index>} and {@code b/<index>}; at the
 * end of a stream the forward token repeats the one passed in, which is how the SDK paginator knows to stop.
 */
public final class SandboxLogsClient implements CloudWatchLogsClient {
  private final SandboxAccount account;
  private final LogsEngine logs;

  public SandboxLogsClient(SandboxAccount account, LogsEngine logs) {
    this.account = account;
    this.logs = logs;
  }

  private <T> T call(String operation, Supplier<T> body) {
    return account.call(Service.LOGS, operation, body);
  }

  @Override
  public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest r) {
    return call("CreateLogGroup", () -> {
      logs.createGroup(r.logGroupName(), r.tags());
      return CreateLogGroupResponse.builder().build();
    });
  }

  @Override
  public DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest r) {
    return call("DescribeLogGroups", () -> {
      var page = page(logs.describeGroups(r.logGroupNamePrefix(), r.logGroupNamePattern()), r.nextToken(), r.limit(),
          50);
      return DescribeLogGroupsResponse.builder().logGroups(page.items().stream().map(this::toSdk).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest r) {
    return call("DeleteLogGroup", () -> {
      logs.deleteGroup(r.logGroupName());
      return DeleteLogGroupResponse.builder().build();
    });
  }

  @Override
  public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest r) {
    return call("PutRetentionPolicy", () -> {
      logs.putRetention(r.logGroupName(), r.retentionInDays());
      return PutRetentionPolicyResponse.builder().build();
    });
  }

  @Override
  public DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest r) {
    return call("DeleteRetentionPolicy", () -> {
      logs.deleteRetention(r.logGroupName());
      return DeleteRetentionPolicyResponse.builder().build();
    });
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return call("TagResource", () -> {
      logs.tag(logs.groupByArn(r.resourceArn()), r.tags());
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return call("UntagResource", () -> {
      TagLists.untag(logs.groupByArn(r.resourceArn()).tags, r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return call("ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(Map.copyOf(logs.groupByArn(r.resourceArn()).tags)).build());
  }

  @Override
  @SuppressWarnings("deprecation")
  public TagLogGroupResponse tagLogGroup(TagLogGroupRequest r) {
    return call("TagLogGroup", () -> {
      logs.tag(logs.group(r.logGroupName()), r.tags());
      return TagLogGroupResponse.builder().build();
    });
  }

  @Override
  @SuppressWarnings("deprecation")
  public UntagLogGroupResponse untagLogGroup(UntagLogGroupRequest r) {
    return call("UntagLogGroup", () -> {
      TagLists.untag(logs.group(r.logGroupName()).tags, r.tags());
      return UntagLogGroupResponse.builder().build();
    });
  }

  @Override
  @SuppressWarnings("deprecation")
  public ListTagsLogGroupResponse listTagsLogGroup(ListTagsLogGroupRequest r) {
    return call("ListTagsLogGroup", () -> ListTagsLogGroupResponse.builder()
        .tags(Map.copyOf(logs.group(r.logGroupName()).tags)).build());
  }

  @Override
  public CreateLogStreamResponse createLogStream(CreateLogStreamRequest r) {
    return call("CreateLogStream", () -> {
      logs.createStream(r.logGroupName(), r.logStreamName());
      return CreateLogStreamResponse.builder().build();
    });
  }

  @Override
  public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest r) {
    return call("DescribeLogStreams", () -> {
      var streams = logs.describeStreams(r.logGroupName(), r.logStreamNamePrefix(),
          r.orderBy() == OrderBy.LAST_EVENT_TIME, Boolean.TRUE.equals(r.descending()));
      var page = page(streams, r.nextToken(), r.limit(), 50);
      return DescribeLogStreamsResponse.builder()
          .logStreams(page.items().stream().map(s -> toSdk(r.logGroupName(), s)).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
    return call("GetLogEvents", () -> {
      LogStream s = logs.stream(r.logGroupName(), r.logStreamName());
      List<LogEvent> events = s.events.stream()
          .filter(e -> r.startTime() == null || e.timestamp >= r.startTime())
          .filter(e -> r.endTime() == null || e.timestamp < r.endTime()).toList();
      int limit = limit(r.limit(), 10_000);
      int from;
      int to;
      String token = r.nextToken();
      if (token == null) {
        boolean head = Boolean.TRUE.equals(r.startFromHead());
        from = head ? 0 : Math.max(0, events.size() - limit);
        to = head ? Math.min(events.size(), limit) : events.size();
      } else if (token.matches("[fb]/\\d{1,9}")) {
        int at = Math.min(Integer.parseInt(token.substring(2)), events.size());
        from = token.startsWith("f") ? at : Math.max(0, at - limit);
        to = token.startsWith("f") ? Math.min(events.size(), at + limit) : at;
      } else {
        throw logs.invalid("The specified nextToken is invalid.");
      }
      return GetLogEventsResponse.builder()
          .events(events.subList(from, to).stream().map(e -> OutputLogEvent.builder().timestamp(e.timestamp)
              .ingestionTime(e.ingestionTime).message(e.message).build()).toList())
          .nextForwardToken("f/" + to).nextBackwardToken("b/" + from).build();
    });
  }

  @Override
  public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest r) {
    return call("FilterLogEvents", () -> {
      LogGroup g = logs.group(r.logGroupName());
      if (!r.logStreamNames().isEmpty() && r.logStreamNamePrefix() != null) {
        throw logs.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive");
      }
      List<String> terms = terms(r.filterPattern());
      List<FilteredLogEvent> found = new ArrayList<>();
      for (LogStream s : g.streams.values()) {
        if (!r.logStreamNames().isEmpty() && !r.logStreamNames().contains(s.name)
            || r.logStreamNamePrefix() != null && !s.name.startsWith(r.logStreamNamePrefix())) {
          continue;
        }
        for (int i = 0; i < s.events.size(); i++) {
          LogEvent e = s.events.get(i);
          if ((r.startTime() == null || e.timestamp >= r.startTime())
              && (r.endTime() == null || e.timestamp <= r.endTime())
              && terms.stream().allMatch(e.message::contains)) {
            found.add(FilteredLogEvent.builder().logStreamName(s.name).timestamp(e.timestamp)
                .ingestionTime(e.ingestionTime).message(e.message)
                .eventId(String.format("%d%06d%06d", e.timestamp, Math.abs(s.name.hashCode()) % 1_000_000, i)).build());
          }
        }
      }
      found.sort(Comparator.comparing(FilteredLogEvent::timestamp));
      var page = page(found, r.nextToken(), r.limit(), 10_000);
      return FilterLogEventsResponse.builder().events(page.items()).nextToken(page.nextToken()).build();
    });
  }

  /** Plain-term patterns: every term (a word, or a quoted phrase) must occur in the message. */
  private List<String> terms(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return List.of();
    }
    String p = pattern.trim();
    if (p.startsWith("{") || p.startsWith("[") || p.startsWith("%") || p.contains("?")) {
      throw logs.invalid("The sandbox supports filter patterns of plain terms and quoted phrases only.");
    }
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(p);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

  private int limit(Integer limit, int max) {
    if (limit != null && (limit < 1 || limit > max)) {
      throw logs.invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
          + "Member must have value between 1 and " + max);
    }
    return limit == null ? max : limit;
  }

  private <T> ListPage<T> page(List<T> all, String token, Integer limit, int max) {
    return ListPage.byPosition(all, token, limit(limit, max), () -> logs.invalid("The specified nextToken is invalid."));
  }

  private software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup toSdk(LogGroup g) {
    long bytes = g.streams.values().stream().flatMap(s -> s.events.stream()).mapToLong(e -> e.message.length()).sum();
    return software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder()
        .logGroupName(g.name).creationTime(g.creationTime).retentionInDays(g.retentionInDays).metricFilterCount(0)
        .arn(logs.arn(g.name) + ":*").logGroupArn(logs.arn(g.name)).storedBytes(bytes).logGroupClass("STANDARD")
        .build();
  }

  private software.amazon.awssdk.services.cloudwatchlogs.model.LogStream toSdk(String group, LogStream s) {
    var b = software.amazon.awssdk.services.cloudwatchlogs.model.LogStream.builder()
        .logStreamName(s.name).creationTime(s.creationTime)
        .arn(logs.arn(group) + ":log-stream:" + s.name);
    if (!s.events.isEmpty()) {
      b.firstEventTimestamp(s.events.get(0).timestamp).lastEventTimestamp(LogsEngine.last(s).timestamp)
          .lastIngestionTime(LogsEngine.last(s).ingestionTime);
    }
    return b.build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
