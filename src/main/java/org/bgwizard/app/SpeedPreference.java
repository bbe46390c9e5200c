package org.bgwizard.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.bgwizard.aws.Connection;
import org.bgwizard.util.AtomicFiles;

/**
 * The speed of the simulated account's time the user last chose in the window, kept in the app's data folder
 * ({@code preferences.properties}) so that the next start runs at it; 30× until the user chooses.
 */
record SpeedPreference(Path file) {
  private static final String KEY = "sandbox.speed";

  double get() {
    if (!Files.isRegularFile(file)) {
      return Connection.DEFAULT_SANDBOX_SPEED;
    }
    try (Reader in = Files.newBufferedReader(file)) {
      var properties = new Properties();
      properties.load(in);
      double speed = Double.parseDouble(properties.getProperty(KEY, ""));
      return speed > 0 ? speed : Connection.DEFAULT_SANDBOX_SPEED;
    } catch (IOException | NumberFormatException e) {
      return Connection.DEFAULT_SANDBOX_SPEED;
    }
  }

  void set(double speed) throws IOException {
    var properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
    }
    properties.setProperty(KEY, Double.toString(speed));
    var text = new StringWriter();
    properties.store(text, "Blue/Green Pipeline Wizard");
    AtomicFiles.write(file, text.toString());
  }
}
