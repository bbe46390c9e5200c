package org.bgwizard.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** CloudWatch Logs groups: find, create with tags, retention, delete. */
public final class LogGroups {
  private final AwsClients clients;

  public LogGroups(AwsClients clients) {
    this.clients = clients;
  }

  private CloudWatchLogsClient logs() {
    return clients.logs();
  }

  public Optional<LogGroupInfo> find(String name) {
    return logs().describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name)).logGroups().stream()
        .filter(g -> g.logGroupName().equals(name)).findFirst().map(LogGroups::info);
  }

  public void create(String name, Map<String, String> tags) {
    logs().createLogGroup(r -> r.logGroupName(name).tags(tags));
  }

  public void setRetention(String name, int days) {
    logs().putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(days));
  }

  public void delete(String name) {
    logs().deleteLogGroup(r -> r.logGroupName(name));
  }

  private static LogGroupInfo info(LogGroup g) {
    String arn = g.arn() != null && g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
    return new LogGroupInfo(g.logGroupName(), arn, g.retentionInDays());
  }
}
