package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppDataTest {
  private static final UnaryOperator<String> HOME_ONLY = key -> key.equals("user.home") ? "/home/kim" : null;

  @Test
  void linux_usesXdgDataHome() {
    assertEquals(Path.of("/data/kim/bluegreen-wizard"),
        AppData.dataDir("Linux", HOME_ONLY, Map.of("XDG_DATA_HOME", "/data/kim")));
  }

  @Test
  void linux_withoutXdgDataHome_usesLocalShare() {
    assertEquals(Path.of("/home/kim/.local/share/bluegreen-wizard"), AppData.dataDir("Linux", HOME_ONLY, Map.of()));
  }

  @Test
  void linux_relativeXdgDataHome_isIgnored() {
    assertEquals(Path.of("/home/kim/.local/share/bluegreen-wizard"),
        AppData.dataDir("Linux", HOME_ONLY, Map.of("XDG_DATA_HOME", "data")));
  }

  @Test
  void windows_usesAppData() {
    assertEquals(Path.of("C:\\Users\\kim\\AppData\\Roaming").resolve("BlueGreenWizard"),
        AppData.dataDir("Windows 11", HOME_ONLY, Map.of("APPDATA", "C:\\Users\\kim\\AppData\\Roaming")));
  }

  @Test
  void macOs_usesApplicationSupport() {
    assertEquals(Path.of("/home/kim/Library/Application Support/BlueGreenWizard"),
        AppData.dataDir("Mac OS X", HOME_ONLY, Map.of()));
  }

  @Test
  void systemProperty_overridesEnvironment_whichOverridesTheOsFolder() {
    UnaryOperator<String> withProperty = key -> key.equals(AppData.OVERRIDE_PROPERTY) ? "/tmp/prop" : null;
    Map<String, String> env = Map.of(AppData.OVERRIDE_ENV, "/tmp/env", "XDG_DATA_HOME", "/data/kim");
    assertEquals(Path.of("/tmp/prop"), AppData.dataDir("Linux", withProperty, env));
    assertEquals(Path.of("/tmp/env"), AppData.dataDir("Linux", HOME_ONLY, env));
  }

  @Test
  void journalFile_isOnePerSetup_inTheJournalFolder() {
    String before = System.getProperty(AppData.OVERRIDE_PROPERTY);
    System.setProperty(AppData.OVERRIDE_PROPERTY, "/tmp/bgwizard-test");
    try {
      assertEquals(Path.of("/tmp/bgwizard-test/journals/tutorial.journal.json"), AppData.journalFile("tutorial"));
    } finally {
      if (before == null) {
        System.clearProperty(AppData.OVERRIDE_PROPERTY);
      } else {
        System.setProperty(AppData.OVERRIDE_PROPERTY, before);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../escape", "a/b", ".hidden", "a b"})
  void journalFile_nameThatIsNotAPlainFileName_isRejected(String name) {
    assertThrows(IllegalArgumentException.class, () -> AppData.journalFile(name));
  }
}
