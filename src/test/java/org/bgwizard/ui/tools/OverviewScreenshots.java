package org.bgwizard.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.dashboard.EnvironmentsOverview;
import org.bgwizard.ui.dashboard.OpenDashboards;

/**
 * Renders the environments overview of a dev/qa/prod setup on the simulated account, dev created, the simulated
 * inbox holding the approval topic's subscription confirmation, to
 * {@code <dir>/overview.png} ({@code overview-ja.png} with {@code ja}). Run under a display like
 * {@link PageScreenshots}.
 */
public final class OverviewScreenshots {
  private OverviewScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  public static final class Shooter extends Application {
    @Override
    public void start(Stage ignored) throws Exception {
      var raw = getParameters().getRaw();
      Path dir = Path.of(raw.get(0));
      var locale = raw.contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
      Theme.LIGHT.apply();
      var session = TestWorkspaces.sandbox(Files.createTempDirectory("bgwizard-overview"))
          .connect(Connection.sandbox("us-east-1"));
      // approvals mailed to a topic with an e-mail subscription: its confirmation request is in the inbox
      var sns = TestWorkspaces.clients(session).sns();
      String topic = sns.createTopic(b -> b.name("shop-approvals")).topicArn();
      sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("lead@example.com"));
      var base = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
          List.of("dev", "qa", "prod"));
      var spec = base.withEnvironments(new Environments(base.environments().list(), false,
          new Environments.ApprovalTopic("shop-approvals", topic, "lead@example.com")));
      var dev = Environments.expand(spec, "dev").orElseThrow().spec();
      var journal = session.journal(dev);
      session.operations().apply(session.operations().plan(dev, journal), journal, ProvisionListener.NONE);
      var overview = EnvironmentsOverview.open(spec, session, Messages.of(locale), new FakeDialogs(),
          new CurrentThreadExecutor(), new OpenDashboards(), uri -> { });
      waitThenShoot(overview, dir.resolve(raw.contains("ja") ? "overview-ja.png" : "overview.png"), 600);
    }
  }

  private static void waitThenShoot(EnvironmentsOverview overview, Path file, int pulses) {
    boolean read = overview.rows().stream().allMatch(r -> r.snapshot().get() != null)
        && !overview.rows().get(0).pipelineStatus().isEmpty() && !overview.inbox().isEmpty();
    if (!read && pulses > 0) {
      new Thread(() -> {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Platform.runLater(() -> waitThenShoot(overview, file, pulses - 1));
      }).start();
      return;
    }
    PageScreenshots.write(overview.stage().getScene().snapshot(null), file);
    System.out.println("wrote " + file + (read ? "" : " (not every row read)"));
    Platform.exit();
    System.exit(0);
  }
}
