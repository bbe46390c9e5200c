package org.bgwizard.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to run this app's commands from a terminal, as the app was started: the installed launcher is
 * {@code bluegreen-wizard} (jpackage's launchers, and jpackage/linux/bluegreen-wizard, set
 * {@code jpackage.app-path}); a jar is {@code java -jar <its path>}; classes in a build folder (development) are
 * the jar {@code mvn package} makes next to them. The wizard shows its commands in this form.
 */
final class LaunchCommand {
  static final String INSTALLED = "bluegreen-wizard";

  private LaunchCommand() {}

  static String forThisProcess() {
    Path codeSource = null;
    try {
      var location = LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation();
      codeSource = Path.of(location.toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // an unusual class loader: the installed form is the best guess
    }
    return of(System.getProperty("jpackage.app-path"), codeSource);
  }

  static String of(String appPath, Path codeSource) {
    if (appPath != null && !appPath.isBlank() || codeSource == null) {
      return INSTALLED;
    }
    Path jar = Files.isDirectory(codeSource) || !codeSource.toString().endsWith(".jar")
        ? codeSource.toAbsolutePath().getParent().resolve("bluegreen-wizard.jar")
        : codeSource.toAbsolutePath();
    return "java -jar " + quoted(jar.toString());
  }

  private static String quoted(String path) {
    return path.matches("[\\w./:\\\\-]+") ? path : "\"" + path.replace("\"", "\\\"") + "\"";
  }
}
