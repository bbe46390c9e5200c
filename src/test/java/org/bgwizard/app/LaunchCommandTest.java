package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTest {
  @TempDir Path dir;

  @Test
  void installedLauncher_isTheCommandName() {
    assertEquals("bluegreen-wizard", LaunchCommand.of("/opt/bluegreen-wizard/bin/bluegreen-wizard",
        dir.resolve("lib/app/bluegreen-wizard.jar")));
  }

  @Test
  void startedFromAJar_runsThatJar_quotedWhenItsPathHasSpaces() throws Exception {
    Path jar = Files.createFile(dir.resolve("bluegreen-wizard.jar"));
    assertEquals("java -jar " + jar.toAbsolutePath(), LaunchCommand.of(null, jar));
    Path spaced = Files.createDirectories(dir.resolve("My Tools")).resolve("bluegreen-wizard.jar");
    assertEquals("java -jar \"" + spaced.toAbsolutePath() + "\"", LaunchCommand.of(null, spaced));
  }

  @Test
  void development_runsTheJarTheBuildMakesNextToItsClasses() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("target/classes"));
    assertEquals("java -jar " + dir.resolve("target/bluegreen-wizard.jar").toAbsolutePath(),
        LaunchCommand.of(null, classes));
  }

  @Test
  void thisTestRun_isDevelopment_soTheJarForm() {
    assertTrue(LaunchCommand.forThisProcess().startsWith("java -jar "), LaunchCommand.forThisProcess());
  }
}
