package org.bgwizard.setup;

/**
 * Cluster, service, task family, task count, health check grace period and the awslogs log group (ECS and CloudWatch
 * Logs API References).
 */
final class EcsRules {
  private EcsRules() {}

  static void check(Ecs e, Findings f) {
    f.name("ecs.cluster", e.cluster(), NameRule.ECS, "ecsName.invalid");
    f.name("ecs.service", e.service(), NameRule.ECS, "ecsName.invalid");
    f.name("ecs.taskFamily", e.taskFamily(), NameRule.ECS, "ecsName.invalid");
    if (e.desiredCount() == 0) {
      f.add("ecs.desiredCount", 0, "ecs.desiredCountZero");
    } else {
      f.range("ecs.desiredCount", e.desiredCount(), 1, 100, "ecs.desiredCount");
    }
    if (f.present("ecs.logGroup", e.logGroup())) {
      if (e.logGroup().startsWith("aws/")) {
        f.add("ecs.logGroup", e.logGroup(), "logGroup.awsPrefix");
      } else {
        f.name("ecs.logGroup", e.logGroup(), NameRule.LOG_GROUP, "logGroup.invalid");
      }
    }
    if (e.healthCheckGracePeriodSeconds() != null) {
      f.range("ecs.healthCheckGracePeriodSeconds", e.healthCheckGracePeriodSeconds(), 0, Integer.MAX_VALUE,
          "ecs.healthCheckGracePeriod");
    }
    f.require(AwsChoices.LOG_RETENTION_DAYS.contains(e.logRetentionDays()), "ecs.logRetentionDays",
        e.logRetentionDays(), "logRetention.invalid", Findings.join(AwsChoices.LOG_RETENTION_DAYS));
  }
}
