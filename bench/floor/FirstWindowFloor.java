import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor under the wizard's start-up: a JavaFX window of the wizard's size with one label, timed like the
 * wizard (prints {@code first-window-shown} once its first frame is laid out, then exits). The benchmarks run
 * it with the same Java runtime, options and kind of class-data-sharing archive as the app, so the difference
 * is what the wizard's own window costs. Not a class extending Application, so that `java -cp` can start it
 * with JavaFX on the class path.
 */
public final class FirstWindowFloor {
  public static void main(String[] args) {
    Application.launch(Window.class, args);
  }

  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      var scene = new Scene(new Label("Blue/Green Pipeline Wizard"), 1100, 720);
      stage.setScene(scene);
      stage.show();
      scene.addPostLayoutPulseListener(new Runnable() {
        @Override
        public void run() {
          scene.removePostLayoutPulseListener(this);
          Platform.runLater(() -> {
            System.err.println("first-window-shown");
            Platform.exit();
          });
        }
      });
    }
  }
}
