package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.bgwizard.provision.FailsAlone;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.Step;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;

/**
 * A step whose resource could not be looked at while planning. Apply still tries it: its own find-then-create looks
 * again, and if AWS refuses again the step fails on its own ({@link FailsAlone}): the steps after it are skipped,
 * everything else is applied, and apply can be run again once the rights are granted.
 */
final class LooksAgain implements Step {
  private final Step step;

  LooksAgain(Step step) {
    this.step = step;
  }

  @Override
  public ResourceRef ref() {
    return step.ref();
  }

  @Override
  public Set<ResourceRef> dependsOn() {
    return step.dependsOn();
  }

  @Override
  public Origin origin() {
    return step.origin();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    try {
      return step.apply(ctx);
    } catch (CancellationException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new FailsAlone(e);
    }
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    step.delete(ctx, entry);
  }

  @Override
  public String cliEquivalent() {
    return step.cliEquivalent();
  }

  @Override
  public Optional<Duration> expectedDuration() {
    return step.expectedDuration();
  }
}
