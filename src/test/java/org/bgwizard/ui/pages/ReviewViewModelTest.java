package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bgwizard.artifacts.Finding;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.Severity;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Identity;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewViewModelTest {
  private static final SetupSpec TUTORIAL = SpecDefaults.tutorial("shop", "us-east-1");
  private static final Target TARGET = new Target("123456789012", "us-east-1");
  private static final Finding WARNING = new Finding(Severity.WARNING, "Dockerfile", 1, 21,
      "dockerfile.dockerHubBase", List.of("nginx:latest"));
  private static final Finding ERROR = new Finding(Severity.ERROR, "setup", null, 0, "setup.notPrivileged",
      List.of("shop-build"));

  @Test
  void warnings_needTheTick_beforeNext() {
    var review = new ReviewViewModel(TUTORIAL, TARGET, List.of(), List.of(WARNING));

    assertFalse(review.canCreate().get());
    review.warningsAccepted().set(true);
    assertTrue(review.canCreate().get());
  }

  @Test
  void errors_blockNext_evenWithTheTick() {
    var review = new ReviewViewModel(TUTORIAL, TARGET, List.of(), List.of(WARNING, ERROR));
    review.warningsAccepted().set(true);

    assertFalse(review.canCreate().get());
  }

  @Test
  void noFindings_allowNext() {
    assertTrue(new ReviewViewModel(TUTORIAL, TARGET, List.of(), List.of()).canCreate().get());
  }

  @Test
  void connectedAccount_isNamedInTheFilesAndCommands() {
    var review = new ReviewViewModel(TUTORIAL, new Identity("111122223333", "arn:aws:iam::111122223333:user/me", false));

    assertEquals("111122223333", review.account());
    assertTrue(review.files().stream().anyMatch(f -> f.content().contains("111122223333")));
    assertEquals(List.of("bluegreen-wizard validate shop.json",
        "bluegreen-wizard files shop.json --out shop-files --account 111122223333",
        "bluegreen-wizard plan shop.json --profile work --region us-east-1",
        "bluegreen-wizard apply shop.json --profile work --region us-east-1"),
        review.cliCommands("bluegreen-wizard", ReviewViewModel.connectionFlags(Connection.profile("work", "us-east-1"))));
  }

  @Test
  void cliCommands_forDefaultCredentials_sayAws() {
    assertEquals("--aws --region eu-west-1", ReviewViewModel.connectionFlags(Connection.defaultChain("eu-west-1")));
  }

  @Test
  void export_writesEveryFile_underTheFolder(@TempDir Path dir) throws Exception {
    var files = List.of(new RepoFile("buildspec.yml", "version: 0.2\n"), new RepoFile("html/index.html", "<p>"));
    var review = new ReviewViewModel(TUTORIAL, TARGET, files, List.of());

    review.export(dir);

    assertEquals("version: 0.2\n", Files.readString(dir.resolve("buildspec.yml")));
    assertEquals("<p>", Files.readString(dir.resolve("html/index.html")));
  }
}
