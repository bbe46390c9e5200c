package org.bgwizard.ui.pages;

import java.nio.file.Path;
import javafx.stage.Window;

/** Loads a setup file into the wizard, as the window's File menu does; the Start page offers it too. */
public interface SetupLoader {
  /** Asks for a setup file and loads it; true when one was loaded. */
  boolean open(Window owner);

  /** Loads {@code file}, or says why it cannot; true when it was loaded. */
  boolean load(Path file, Window owner);
}
