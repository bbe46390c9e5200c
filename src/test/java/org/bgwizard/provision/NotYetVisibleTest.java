package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogue row 32: "does not exist" right after a create is retried while applying, and means gone when deleting. */
class NotYetVisibleTest {
  private static final String NOT_FOUND = "The security group 'sg-0123' does not exist";
  private static final TransientErrorClassifier CLASSIFIER = error ->
      TransientErrorClassifier.isNotYetVisible(error.getMessage()) ? TransientErrorClassifier.Kind.NOT_YET_VISIBLE
          : TransientErrorClassifier.Kind.PERMANENT;

  @TempDir
  Path dir;
  private final TestEngine engine = new TestEngine();
  private final AtomicInteger deletes = new AtomicInteger();

  /** A group whose rule call does not see it twice, and that someone deleted by hand before teardown. */
  private final Step group = new Step() {
    private final AtomicInteger applies = new AtomicInteger();

    @Override
    public ResourceRef ref() {
      return new ResourceRef("ec2-security-group", "demo-alb");
    }

    @Override
    public StepOutcome apply(StepContext ctx) throws Exception {
      ctx.beforeCreate();
      return ctx.retrier().call("ec2 AuthorizeSecurityGroupIngress demo-alb 80", () -> {
        if (applies.incrementAndGet() <= 2) {
          throw new IllegalStateException(NOT_FOUND);
        }
        return StepOutcome.of("id", "sg-0123");
      });
    }

    @Override
    public void delete(StepContext ctx, JournalEntry entry) throws Exception {
      ctx.retrier().call("ec2 DeleteSecurityGroup sg-0123", () -> {
        deletes.incrementAndGet();
        throw new IllegalStateException(NOT_FOUND);
      });
    }

    @Override
    public String cliEquivalent() {
      return "aws ec2 create-security-group";
    }
  };

  private Provisioner provisioner() {
    return Provisioner.builder(Runnable::run).clock(engine.clock).sleeper(engine.sleeper).random(new Random(7))
        .classifier(CLASSIFIER).describer(new ErrorDescriber() {
          @Override
          public ErrorDetails describe(Throwable error) {
            return new ErrorDetails("InvalidGroup.NotFound", error.getMessage(), "req-1");
          }

          @Override
          public boolean isNotFound(Throwable error) {
            return error.getMessage().contains("does not exist");
          }
        }).build();
  }

  @Test
  void apply_retriesAGroupNotYetVisible_andSaysSo_butTeardownTakesNotFoundAsGone_withoutWaiting() throws Exception {
    Journal journal = engine.journal(dir.resolve("setup.journal.json"));
    Plan plan = Plan.of(List.of(group));
    var listener = new RecordingListener();

    assertTrue(provisioner().apply(plan, journal, listener).succeeded());
    assertEquals(2, engine.sleeps.size());
    assertTrue(listener.messages(group.ref()).contains("ec2 AuthorizeSecurityGroupIngress demo-alb 80 failed: a resource"
        + " created moments ago is not visible to other calls yet; retrying in 0.7 s (attempt 2)"),
        () -> listener.messages(group.ref()).toString());

    assertTrue(provisioner().teardown(Teardown.plan(journal, plan), journal, listener).succeeded());
    assertEquals(1, deletes.get());
    assertEquals(2, engine.sleeps.size());
  }
}
