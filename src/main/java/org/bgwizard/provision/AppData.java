package org.bgwizard.provision;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The user's application-data folder, where journals live: {@code $XDG_DATA_HOME/bluegreen-wizard} (or
 * {@code ~/.local/share/bluegreen-wizard}) on Linux, {@code %APPDATA%\BlueGreenWizard} on Windows,
 * {@code ~/Library/Application Support/BlueGreenWizard} on macOS. The system property {@value #OVERRIDE_PROPERTY}
 * or else the environment variable {@value #OVERRIDE_ENV} replaces it (tests point it at a temporary folder).
 */
public final class AppData {
  public static final String OVERRIDE_PROPERTY = "bgwizard.dataDir";
  public static final String OVERRIDE_ENV = "BGWIZARD_DATA_DIR";

  private AppData() {}

  public static Path dataDir() {
    return dataDir(System.getProperty("os.name", ""), System::getProperty, System.getenv());
  }

  /**
   * Where the simulated account of {@code region} lives unless told otherwise: one file per region (an account
   * file holds one region), its journals next to it, shared by the wizard and the commands.
   */
  public static Path sandboxState(String region) {
    if (region == null || !region.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("A region is lower-case letters, digits and '-', not '" + region + "'");
    }
    return dataDir().resolve("sandbox").resolve(region).resolve("account.json");
  }

  public static Path journalDir() {
    return dataDir().resolve("journals");
  }

  /** The journal of the setup called {@code setupName}: one file per setup. */
  public static Path journalFile(String setupName) {
    if (setupName == null || !setupName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("A setup name for a journal file is letters, digits, '.', '_' and '-',"
          + " not '" + setupName + "'");
    }
    return journalDir().resolve(setupName + ".journal.json");
  }

  static Path dataDir(String osName, UnaryOperator<String> properties, Map<String, String> env) {
    String override = properties.apply(OVERRIDE_PROPERTY);
    if (blank(override)) {
      override = env.get(OVERRIDE_ENV);
    }
    if (!blank(override)) {
      return Path.of(override);
    }
    Path home = Path.of(properties.apply("user.home"));
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      return (blank(appData) ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("BlueGreenWizard");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("BlueGreenWizard");
    }
    String xdg = env.get("XDG_DATA_HOME");
    // The XDG spec says a relative path there is invalid and to be ignored.
    boolean useXdg = !blank(xdg) && Path.of(xdg).isAbsolute();
    return (!useXdg ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("bluegreen-wizard");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
