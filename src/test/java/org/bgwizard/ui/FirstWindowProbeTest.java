package org.bgwizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstWindowProbeTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger exits = new AtomicInteger();
  private Scene scene;

  @Start
  void start(Stage stage) {
    scene = new Scene(new Label("window"), 200, 100);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void reportSet_printsFirstWindowShown_withMillisSinceJvmStart_onceAndKeepsRunning(FxRobot robot) throws Exception {
    attach(robot, Map.of(FirstWindowProbe.REPORT, "1"));
    pulse(robot);
    pulse(robot);

    String[] lines = printed().split("\n");
    assertEquals(1, lines.length, printed());
    assertTrue(lines[0].matches("first-window-shown \\d+"), lines[0]);
    assertTrue(Long.parseLong(lines[0].split(" ")[1]) > 0);
    assertEquals(0, exits.get());
  }

  @Test
  void exitSet_exitsAfterTheFirstFrame_withoutPrinting(FxRobot robot) throws Exception {
    attach(robot, Map.of(FirstWindowProbe.EXIT, "1"));
    pulse(robot);

    assertEquals(1, exits.get());
    assertEquals("", printed());
  }

  @Test
  void bothSet_printThenExit(FxRobot robot) throws Exception {
    attach(robot, Map.of(FirstWindowProbe.REPORT, "1", FirstWindowProbe.EXIT, "1"));
    pulse(robot);

    assertTrue(printed().startsWith("first-window-shown "));
    assertEquals(1, exits.get());
  }

  @Test
  void neitherSet_orSetEmpty_changesNothing(FxRobot robot) throws Exception {
    attach(robot, Map.of(FirstWindowProbe.REPORT, ""));
    pulse(robot);

    assertEquals("", printed());
    assertEquals(0, exits.get());
  }

  private void attach(FxRobot robot, Map<String, String> env) {
    var out = new PrintStream(err, true, StandardCharsets.UTF_8);
    robot.interact(() -> FirstWindowProbe.attach(scene, env, out, exits::incrementAndGet));
  }

  /** Makes the scene lay out once, then waits for that pulse and for the events it queued. */
  private void pulse(FxRobot robot) throws InterruptedException {
    var pulsed = new CountDownLatch(1);
    robot.interact(() -> {
      scene.addPostLayoutPulseListener(new Runnable() {
        @Override
        public void run() {
          scene.removePostLayoutPulseListener(this);
          pulsed.countDown();
        }
      });
      scene.getRoot().requestLayout();
    });
    assertTrue(pulsed.await(10, TimeUnit.SECONDS), "no layout pulse");
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String printed() {
    return err.toString(StandardCharsets.UTF_8).strip();
  }
}
