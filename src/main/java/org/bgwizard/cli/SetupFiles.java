package org.bgwizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecFormatException;
import org.bgwizard.setup.SpecJson;

/** Loads a setup file for a command, turning every failure into one clear line on stderr. */
final class SetupFiles {
  private SetupFiles() {}

  static SetupSpec load(Path file, PrintWriter err) {
    try {
      return SpecJson.load(file);
    } catch (NoSuchFileException e) {
      err.println("error: " + file + ": no such file (create one with `init NAME --out " + file + "`)");
    } catch (SpecFormatException e) {
      err.println("error: " + file + ": " + e.getMessage());
    } catch (IOException e) {
      err.println("error: " + file + ": cannot read: " + e.getMessage());
    }
    return null;
  }
}
