package org.bgwizard.provision;

import java.nio.file.Path;

/** Another apply or teardown of the same setup is running (in this window, another one, or a command). */
public final class JournalInUseException extends IllegalStateException {
  private final transient Path journal;

  public JournalInUseException(Path journal) {
    super("Another window or command is creating or deleting this setup's resources now (its journal " + journal
        + " is in use). Wait until it has finished, then run this again.");
    this.journal = journal;
  }

  public Path journal() {
    return journal;
  }
}
