package org.bgwizard.sandbox.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated CloudWatch Logs service: plain data, saved with the account. */
public final class LogsState {
  /** By name, sorted as DescribeLogGroups lists them. */
  public Map<String, LogGroup> groups = new TreeMap<>();

  public static final class LogGroup {
    public String name;
    public long creationTime;
    public Integer retentionInDays;
    public Map<String, String> tags = new LinkedHashMap<>();
    public Map<String, LogStream> streams = new TreeMap<>();
  }

  public static final class LogStream {
    public String name;
    public long creationTime;
    public List<LogEvent> events = new ArrayList<>();
  }

  public static final class LogEvent {
    public long timestamp;
    public long ingestionTime;
    public String message;
  }
}
