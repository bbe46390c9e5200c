package org.bgwizard.sandbox.logs;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.logs.LogsState.LogEvent;
import org.bgwizard.sandbox.logs.LogsState.LogGroup;
import org.bgwizard.sandbox.logs.LogsState.LogStream;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * CloudWatch Logs groups, streams and events (CloudWatch Logs API Reference), and the {@link Ports.LogSink} awslogs and
 * the simulated builds write to. Retention is applied when events are written: older ones are dropped.
 */
public final class LogsEngine implements Ports.LogSink {
  static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
      1096, 1827, 2192, 2557, 2922, 3288, 3653);
  private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final int MAX_EVENTS_PER_STREAM = 10_000;

  private final SandboxAccount account;

  public LogsEngine(SandboxAccount account) {
    this.account = account;
  }

  private LogsState st() {
    return account.state(LogsState.class);
  }

  AwsServiceException invalid(String message) {
    return account.error(InvalidParameterException.builder(), Service.LOGS, "InvalidParameterException", message);
  }

  String arn(String group) {
    return "arn:aws:logs:" + account.region() + ":" + account.accountId() + ":log-group:" + group;
  }

  private long nowMillis() {
    return account.now().toEpochMilli();
  }

  // ---- groups

  LogGroup createGroup(String name, Map<String, String> tags) {
    if (name == null || !GROUP_NAME.matcher(name).matches()) {
      throw invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("aws/")) {
      throw invalid("Log group names starting with 'aws/' are reserved for AWS services.");
    }
    if (st().groups.containsKey(name)) {
      throw account.error(ResourceAlreadyExistsException.builder(), Service.LOGS, "ResourceAlreadyExistsException",
          "The specified log group already exists");
    }
    checkTagCount(tags.size());
    var g = new LogGroup();
    g.name = name;
    g.creationTime = nowMillis();
    g.tags.putAll(tags);
    st().groups.put(name, g);
    return g;
  }

  LogGroup group(String name) {
    LogGroup g = name == null ? null : st().groups.get(name);
    if (g == null) {
      throw account.error(ResourceNotFoundException.builder(), Service.LOGS, "ResourceNotFoundException",
          "The specified log group does not exist.");
    }
    return g;
  }

  LogGroup groupByArn(String arn) {
    String prefix = arn("");
    if (arn == null || !arn.startsWith(prefix)) {
      throw invalid("The resource ARN '" + arn + "' is not a log group ARN of this account and region.");
    }
    String name = arn.substring(prefix.length());
    return group(name.endsWith(":*") ? name.substring(0, name.length() - 2) : name);
  }

  void deleteGroup(String name) {
    group(name);
    st().groups.remove(name);
  }

  List<LogGroup> describeGroups(String prefix, String pattern) {
    if (prefix != null && pattern != null) {
      throw invalid("logGroupNamePrefix and logGroupNamePattern are mutually exclusive");
    }
    String p = pattern == null ? null : pattern.toLowerCase(Locale.ROOT);
    return st().groups.values().stream()
        .filter(g -> prefix == null || g.name.startsWith(prefix))
        .filter(g -> p == null || g.name.toLowerCase(Locale.ROOT).contains(p))
        .toList();
  }

  void putRetention(String name, Integer days) {
    LogGroup g = group(name);
    if (days == null || !RETENTION_DAYS.contains(days)) {
      throw invalid("1 validation error detected: Value '" + days + "' at 'retentionInDays' failed to satisfy "
          + "constraint: Member must satisfy enum value set: " + RETENTION_DAYS.stream().sorted().toList());
    }
    g.retentionInDays = days;
    prune(g);
  }

  void deleteRetention(String name) {
    group(name).retentionInDays = null;
  }

  void tag(LogGroup g, Map<String, String> tags) {
    TagLists.tag(g.tags, tags, (added, countAfter) -> checkTagCount(countAfter));
  }

  private void checkTagCount(int n) {
    if (n > 50) {
      throw invalid("A log group can have at most 50 tags");
    }
  }

  // ---- streams and events

  LogStream createStream(String group, String name) {
    LogGroup g = group(group);
    checkStreamName(name);
    if (g.streams.containsKey(name)) {
      throw account.error(ResourceAlreadyExistsException.builder(), Service.LOGS, "ResourceAlreadyExistsException",
          "The specified log stream already exists");
    }
    return addStream(g, name);
  }

  private void checkStreamName(String name) {
    if (name == null || name.isEmpty() || name.length() > 512 || name.contains(":") || name.contains("*")) {
      throw invalid("1 validation error detected: Value '" + name + "' at 'logStreamName' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: [^:*]*");
    }
  }

  private LogStream addStream(LogGroup g, String name) {
    var s = new LogStream();
    s.name = name;
    s.creationTime = nowMillis();
    g.streams.put(name, s);
    return s;
  }

  LogStream stream(String group, String name) {
    LogStream s = group(group).streams.get(name);
    if (s == null) {
      throw account.error(ResourceNotFoundException.builder(), Service.LOGS, "ResourceNotFoundException",
          "The specified log stream does not exist.");
    }
    return s;
  }

  List<LogStream> describeStreams(String group, String prefix, boolean byLastEventTime, boolean descending) {
    LogGroup g = group(group);
    if (byLastEventTime && prefix != null) {
      throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    Comparator<LogStream> order = byLastEventTime
        ? Comparator.comparingLong(s -> s.events.isEmpty() ? s.creationTime : last(s).timestamp)
        : Comparator.comparing(s -> s.name);
    return g.streams.values().stream().filter(s -> prefix == null || s.name.startsWith(prefix))
        .sorted(descending ? order.reversed() : order).toList();
  }

  static LogEvent last(LogStream s) {
    return s.events.get(s.events.size() - 1);
  }

  @Override
  public boolean groupExists(String group) {
    return group != null && st().groups.containsKey(group);
  }

  @Override
  public void ensureGroup(String group) {
    if (!groupExists(group)) {
      createGroup(group, Map.of());
    }
  }

  /** Appends an event now, creating the stream when missing; does nothing when the group does not exist. */
  @Override
  public void append(String group, String stream, String message) {
    LogGroup g = st().groups.get(group);
    if (g == null) {
      return;
    }
    LogStream s = g.streams.containsKey(stream) ? g.streams.get(stream) : addStream(g, stream);
    var e = new LogEvent();
    e.timestamp = nowMillis();
    e.ingestionTime = nowMillis();
    e.message = message;
    s.events.add(e);
    if (s.events.size() > MAX_EVENTS_PER_STREAM) {
      s.events.remove(0);
    }
    prune(g);
  }

  private void prune(LogGroup g) {
    if (g.retentionInDays == null) {
      return;
    }
    long cutoff = account.now().minus(Duration.ofDays(g.retentionInDays)).toEpochMilli();
    for (LogStream s : g.streams.values()) {
      s.events.removeIf(e -> e.timestamp < cutoff);
    }
  }
}
