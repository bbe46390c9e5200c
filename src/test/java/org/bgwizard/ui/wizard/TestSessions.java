package org.bgwizard.ui.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.aws.Identity;
import org.bgwizard.aws.ProfileSummary;
import org.bgwizard.ui.common.CurrentThreadExecutor;

/** Sessions for window tests: no AWS files, the simulated account's identity, recent setups in a temp folder. */
public final class TestSessions {
  public static final Identity SIMULATED =
      new Identity("123456789012", "arn:aws:iam::123456789012:user/sandbox-user", true);

  private TestSessions() {}

  public static WizardSession offline() {
    return with(List.of(), connection -> SIMULATED, tempDir());
  }

  public static WizardSession with(List<ProfileSummary> profiles, Connector connector, Path dataDir) {
    return new WizardSession(connector, new CurrentThreadExecutor(), () -> profiles,
        new RecentSetups(dataDir.resolve("recent-setups.json"), dataDir.resolve("journals")));
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
