package org.bgwizard.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Map;
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
    scene.addPostLayoutPulseListener(new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        // The frame is handed to the render thread after this pulse; the next event runs once it is out.
        Platform.runLater(() -> {
          if (report) {
            long now = System.currentTimeMillis();
            err.println("first-window-shown " + (now - ManagementFactory.getRuntimeMXBean().getStartTime()));
          }
          if (exitAfter) {
            exit.run();
          }
        });
      }
    });
  }

  private static boolean isSet(Map<String, String> env, String name) {
    return !env.getOrDefault(name, "").isEmpty();
  }
}
