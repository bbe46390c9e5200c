package org.bgwizard.ui.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.session.Connector;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.services.RecentSetups;
import org.bgwizard.ui.services.WizardSession;

/** Sessions for window tests: no AWS files, the simulated account's identity, recent setups in a temp folder. */
public final class TestSessions {
  /** The pages the sessions' browser was asked to open, in order; tests clear it. */
  public static final List<String> BROWSED = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  private TestSessions() {}

  public static WizardSession offline() {
    Path dir = tempDir();
    return with(List.of(), TestWorkspaces.sandbox(dir.resolve("sandbox")), dir);
  }

  public static WizardSession with(List<ProfileSummary> profiles, Connector connector, Path dataDir) {
    return new WizardSession(connector, new CurrentThreadExecutor(), () -> profiles,
        new RecentSetups(dataDir.resolve("recent-setups.json"), dataDir.resolve("journals")), BROWSED::add);
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("bgwizard-ui-test");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
