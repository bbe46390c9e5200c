package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * The SNS topic approval requests of a setup with environments go to (issue 15, decision 4): created as the
 * approval topic's name, tagged, when an environment is gated and no existing topic was chosen. An existing topic is
 * used as it is and has no step. CreateTopic with a name that exists returns that topic (Amazon SNS API Reference,
 * CreateTopic: "This action is idempotent"): a topic found without this setup's journal entry is the user's, and
 * teardown keeps it.
 */
final class TopicStep extends AwsStep<String> {

  TopicStep(Setup whole) {
    super(whole, ResourceKind.SNS_TOPIC, whole.spec().environments().approvalTopic().name(), Origin.CREATE, List.of(),
        Duration.ofSeconds(1));
  }

  private String name() {
    return ref().name();
  }

  @Override
  Optional<String> lookUp() {
    return setup.aws().topics().find(name());
  }

  @Override
  PlanStatus compare(String found) {
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(String found) {
    return found;
  }

  @Override
  Map<String, String> tagsOf(String found) {
    return setup.aws().topics().tagsOf(found);
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var topics = setup.aws().topics();
    Optional<String> found = call(ctx, "sns ListTopics " + name(), () -> topics.find(name()));
    String arn;
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      arn = found.get();
    } else {
      ctx.beforeCreate();
      arn = creating(ctx, "sns CreateTopic " + name(), () -> topics.create(name(), setup.tags()),
          () -> topics.find(name()));
      ctx.created(Map.of("arn", arn));
    }
    return StepOutcome.of("arn", arn, "name", name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    Optional<String> arn = entry.output("arn").or(() -> setup.aws().topics().find(name()));
    if (arn.isPresent()) {
      run(ctx, "sns DeleteTopic " + name(), () -> setup.aws().topics().delete(arn.get()));
    }
  }

  @Override
  public String cliEquivalent() {
    return "aws sns create-topic --name " + name() + " --tags " + setup.cliTag();
  }
}
