package org.bgwizard.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.deploy.Action;
import org.bgwizard.deploy.DeploymentActions;
import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.deploy.Practice;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.session.Promotion;
import org.bgwizard.session.Session;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.CurrentThreadExecutor;
import org.bgwizard.ui.common.FakeDialogs;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.common.Theme;
import org.bgwizard.ui.dashboard.EnvironmentsOverview;
import org.bgwizard.ui.dashboard.OpenDashboards;

/**
 * Renders the environments overview of a dev/qa/prod setup on the simulated account (manual time) in a telling
 * state, to {@code <dir>/overview.png} ({@code overview-ja.png} with {@code ja}): the whole setup applied, prod's
 * first run approved and deployed, a practice release that reached dev promoted to qa and deployed there, then
 * promoted to prod, whose manual approval waits with its SNS request in the simulated inbox. Run under a display
 * like {@link PageScreenshots}.
 */
public final class OverviewScreenshots {
  private OverviewScreenshots() {}

  public static void main(String[] args) {
    Application.launch(Shooter.class, args);
  }

  public static final class Shooter extends Application {
    private final ManualClock clock = ManualClock.startingAt("2026-03-02T09:00:00Z");
    private final Sandbox sandbox = Sandbox.inMemory("us-east-1", clock);
    private Session session;
    private SetupSpec spec;

    @Override
    public void start(Stage ignored) throws Exception {
      var raw = getParameters().getRaw();
      Path dir = Path.of(raw.get(0));
      var locale = raw.contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
      Theme.LIGHT.apply();
      session = TestWorkspaces.over(sandbox, clock, Files.createTempDirectory("bgwizard-overview"));
      // approvals mailed to a topic with a confirmed e-mail subscription: the requests reach the simulated inbox
      var sns = TestWorkspaces.clients(session).sns();
      String topic = sns.createTopic(b -> b.name("shop-approvals")).topicArn();
      sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("lead@example.com"));
      session.simulated().orElseThrow().confirmEmailSubscriptions();
      var base = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
          List.of("dev", "qa", "prod"));
      spec = base.withEnvironments(new Environments(base.environments().list(), false,
          new Environments.ApprovalTopic("shop-approvals", topic, "lead@example.com")));
      var journal = session.journal(spec);
      var applied = session.operations().apply(session.operations().plan(spec, journal), journal,
          ProvisionListener.NONE);
      if (!applied.succeeded()) {
        throw new IllegalStateException(applied.toString());
      }
      // prod's first run: approved, so prod runs the starter image
      var prod = advanceUntil("prod", s -> DeploymentActions.allowed(Action.APPROVE, s).allowed());
      session.actions().perform(Action.APPROVE, prod, "The starter page, checked in qa");
      advanceUntil("prod", Shooter::deployed);
      advanceUntil("dev", Shooter::deployed);
      advanceUntil("qa", Shooter::deployed);
      // a release reaches dev, then moves on to qa, then to prod, where it waits for the approval
      var dev = target("dev");
      String release = session.practice().orElseThrow().release(dev.source().repository(), dev.source().branch(),
          dev.pipeline(), Practice.Behaviour.HEALTHY);
      var devDeployed = advanceUntil("dev", s -> deployed(s) && newestRun(s).equals(release));
      String toQa = promote("dev", "qa", devDeployed);
      var qaDeployed = advanceUntil("qa", s -> deployed(s) && newestRun(s).equals(toQa));
      String toProd = promote("qa", "prod", qaDeployed);
      advanceUntil("prod", s -> newestRun(s).equals(toProd)
          && DeploymentActions.allowed(Action.APPROVE, s).allowed());

      var overview = EnvironmentsOverview.open(spec, session, Messages.of(locale), new FakeDialogs(),
          new CurrentThreadExecutor(), new OpenDashboards(), uri -> { });
      overview.refresh();
      waitThenShoot(overview, dir.resolve(raw.contains("ja") ? "overview-ja.png" : "overview.png"), 600);
    }

    private DeploymentTarget target(String env) {
      return DeploymentTarget.of(Environments.expand(spec, env).orElseThrow().spec());
    }

    /** Promotes {@code from} to the next environment; returns the run of its pipeline the change started. */
    private String promote(String from, String to, DeploymentSnapshot snapshot) {
      var outcome = Promotion.promote(Environments.expand(spec, from).orElseThrow(),
          Environments.expand(spec, to).orElseThrow(), snapshot, session.commits(), false);
      if (!(outcome instanceof Promotion.Promoted p) || p.run() == null) {
        throw new IllegalStateException(from + " → " + to + ": " + outcome);
      }
      return p.run();
    }

    /** Simulated time goes on, half a minute at a time, {@code env} read every five minutes, until {@code done}. */
    private DeploymentSnapshot advanceUntil(String env, Predicate<DeploymentSnapshot> done) {
      try (var monitoring = session.monitor(target(env), Locale.ENGLISH)) {
        for (int i = 1; i <= 1500; i++) {
          clock.advance(Duration.ofSeconds(30));
          sandbox.account().advanceToNow();
          if (i % 10 == 0) {
            var s = monitoring.monitor().refreshNow();
            if (done.test(s)) {
              return s;
            }
          }
        }
      }
      throw new IllegalStateException(env + ": not reached in 12.5 simulated hours");
    }

    private static boolean deployed(DeploymentSnapshot s) {
      return s.pipeline() != null && !s.pipeline().executions().isEmpty()
          && s.pipeline().executions().get(0).status().equals("Succeeded") && s.current() != null
          && s.current().status().equals("Succeeded");
    }

    private static String newestRun(DeploymentSnapshot s) {
      return s.pipeline() == null || s.pipeline().executions().isEmpty() ? ""
          : s.pipeline().executions().get(0).id();
    }
  }

  private static void waitThenShoot(EnvironmentsOverview overview, Path file, int pulses) {
    boolean read = overview.rows().stream().allMatch(r -> r.snapshot().get() != null && !r.commit().isEmpty())
        && overview.rows().get(2).approvalWaiting() && !overview.inbox().isEmpty();
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
