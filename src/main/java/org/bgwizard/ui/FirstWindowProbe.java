package org.bgwizard.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up measurement for the benchmark and CI, inert unless asked for. With {@value #REPORT} set, prints
 * {@code first-window-shown <ms since JVM start>} to stderr once the window's first frame is laid out; with
 * {@value #EXIT} set, the application then exits.
 */
final class FirstWindowProbe {
  static final String REPORT = "BGWIZARD_REPORT_FIRST_WINDOW";
  static final String EXIT = "BGWIZARD_EXIT_AFTER_FIRST_WINDOW";

  private FirstWindowProbe() {}

  static void attach(Scene scene, Map<String, String> env, PrintStream err, Runnable exit) {
    boolean report = isSet(env, REPORT);
    boolean exitAfter = isSet(env, EXIT);
    if (!report && !exitAfter) {
      return;
    }
    // The JVM's start time comes from the management API, whose first use takes tens of milliseconds: asked on
    // a helper thread now, so that the time measured to the first frame does not include the measuring.
    CompletableFuture<Long> jvmStart = report ? CompletableFuture.supplyAsync(
        () -> ManagementFactory.getRuntimeMXBean().getStartTime(), FirstWindowProbe::daemon) : null;
    afterFirstFrame(scene, () -> {
      if (report) {
        long now = System.currentTimeMillis();
        err.println("first-window-shown " + (now - jvmStart.join()));
      }
      if (exitAfter) {
        exit.run();
      }
    });
  }

  /** Runs {@code action} on the FX thread once the scene's first frame has been laid out and handed on. */
  static void afterFirstFrame(Scene scene, Runnable action) {
    scene.addPostLayoutPulseListener(new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        // The frame is handed to the render thread after this pulse; the next event runs once it is out.
        Platform.runLater(action);
      }
    });
  }

  private static void daemon(Runnable work) {
    var thread = new Thread(work, "first-window-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean isSet(Map<String, String> env, String name) {
    return !env.getOrDefault(name, "").isEmpty();
  }
}
