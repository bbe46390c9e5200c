package org.bgwizard.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.bgwizard.provision.Progress;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.provision.StepEvent;
import org.bgwizard.provision.StepState;

/** The CLI's progress display: one line per step event on stderr, stamped with the run's elapsed time. */
final class ProgressPrinter implements ProvisionListener {
  private final PrintWriter err;
  private Duration elapsed = Duration.ZERO;
  private Progress last;

  ProgressPrinter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void onProgress(Progress progress) {
    elapsed = progress.elapsed();
    last = progress;
  }

  @Override
  public void onStep(StepEvent event) {
    if (event.state() == StepState.WAITING) {
      return;
    }
    String mark = switch (event.state()) {
      case RUNNING -> "..";
      case DONE -> "ok";
      case FAILED -> "!!";
      default -> "--";
    };
    err.printf(Locale.ROOT, "[%s] %s %s: %s%n", clock(elapsed), mark, event.ref(), event.message());
  }

  /** "12 of 23 steps done, 1 failed, in 1:05". */
  String summary() {
    if (last == null) {
      return "nothing to do";
    }
    return last.done() + " of " + last.total() + " steps done" + (last.failed() > 0 ? ", " + last.failed()
        + " failed" : "") + ", in " + clock(last.elapsed());
  }

  private static String clock(Duration d) {
    return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
