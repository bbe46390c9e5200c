package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.LogGroupInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A log group with a retention period: the tasks' awslogs group (catalogue row 24), and the build's, created
 * ahead of CodeBuild so that it carries the setup's tag and goes away at teardown.
 */
final class LogGroupStep extends AwsStep<LogGroupInfo> {
  private final int retentionDays;

  LogGroupStep(Setup setup, String name, int retentionDays) {
    super(setup, ResourceKind.LOG_GROUP, name, Origin.CREATE, List.of(), Duration.ofSeconds(1));
    this.retentionDays = retentionDays;
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<LogGroupInfo> lookUp() {
    return setup.aws().logGroups().find(name());
  }

  @Override
  PlanStatus compare(LogGroupInfo found) {
    Change retention = Change.of("retention (days)", found.retentionDays() == null ? "never expire"
        : String.valueOf(found.retentionDays()), String.valueOf(retentionDays));
    return PlanStatus.update(retention == null ? List.of() : List.of(retention), "aws logs put-retention-policy"
        + " --log-group-name " + name() + " --retention-in-days " + retentionDays);
  }

  @Override
  String idOf(LogGroupInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var logs = setup.aws().logGroups();
    Optional<LogGroupInfo> found = call(ctx, "logs DescribeLogGroups " + name(), () -> logs.find(name()));
    if (found.isEmpty()) {
      ctx.beforeCreate();
      creating(ctx, "logs CreateLogGroup " + name(), () -> logs.create(name(), setup.tags()), () -> logs.find(name()));
      found = call(ctx, "logs DescribeLogGroups " + name(), () -> logs.find(name()));
      ctx.created(Map.of("arn", found.orElseThrow(() -> new IllegalStateException("The log group " + name()
          + " was created but cannot be found")).arn()));
    } else {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    LogGroupInfo group = found.get();
    if (group.retentionDays() == null || group.retentionDays() != retentionDays) {
      run(ctx, "logs PutRetentionPolicy " + name(), () -> logs.setRetention(name(), retentionDays));
    }
    return withTags(StepOutcome.of("arn", group.arn(), "name", name()));
  }

  /** A running build or task writes its log group back (seen on a real account): nothing may run when it goes. */
  @Override
  public boolean deleteLast() {
    return true;
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "logs DeleteLogGroup " + name(), () -> setup.aws().logGroups().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    return "aws logs create-log-group --log-group-name " + name() + " --tags " + setup.cliTagMap()
        + " && aws logs put-retention-policy --log-group-name " + name() + " --retention-in-days " + retentionDays;
  }
}
