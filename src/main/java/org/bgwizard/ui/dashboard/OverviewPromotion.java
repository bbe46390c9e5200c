package org.bgwizard.ui.dashboard;

import org.bgwizard.deploy.DeploymentSnapshot;
import org.bgwizard.deploy.PromotionRefusal;
import org.bgwizard.session.Commits;
import org.bgwizard.session.Promotion;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.ui.common.Messages;

/**
 * The overview's Promote button (issue 15): what {@code deploy promote FILE --from A --to B} does
 * ({@link Promotion}, the session's, shared with the command line), in the window's language. A repository behind a
 * connection is merged there by the user: the wizard only says how.
 */
final class OverviewPromotion {
  /** What the promotion did or why it did not: a header and details for a dialog; {@code done} when it changed B. */
  record Outcome(boolean done, String header, String details) {}

  private final EnvironmentSpec a;
  private final EnvironmentSpec b;
  private final Messages messages;

  OverviewPromotion(EnvironmentSpec a, EnvironmentSpec b, Messages messages) {
    this.a = a;
    this.b = b;
    this.messages = messages;
  }

  /** A repository behind a connection (GitHub, GitLab, Bitbucket): the wizard changes nothing there. */
  boolean byHand() {
    return a.spec().source().provider() == Source.Provider.GITHUB;
  }

  String title() {
    return messages.format("overview.promote.title", a.name(), b.name());
  }

  /** What will happen, for the confirmation (or, for a connection's repository, how to merge there). */
  String effect() {
    Source s = a.spec().source();
    Source t = b.spec().source();
    return switch (s.provider()) {
      case CODECOMMIT -> messages.format("overview.promote.codecommit", a.name(), b.name(), s.branch(), t.branch(),
          s.repository());
      case S3 -> messages.format("overview.promote.s3", a.name(), b.name(), s.s3Bucket(), s.s3ObjectKey(),
          t.s3ObjectKey());
      case GITHUB -> {
        String provider = s.connectionProvider() == null ? "GitHub" : s.connectionProvider();
        yield messages.format("overview.promote.connection", a.name(), b.name(), provider,
            messages.get(provider.equals("GitLab") ? "overview.promote.mergeRequest" : "overview.promote.pullRequest"),
            s.branch(), t.branch(), s.fullRepositoryId());
      }
    };
  }

  /** Runs the promotion on {@code snapshot}, A's freshly read state. Off the FX thread: it calls AWS. */
  Outcome run(DeploymentSnapshot snapshot, Commits commits) {
    return outcome(Promotion.promote(a, b, snapshot, commits, false));
  }

  /** The session's outcome in the window's language. */
  Outcome outcome(Promotion.Outcome outcome) {
    if (outcome instanceof Promotion.Refused r) {
      return refused(r.refusal());
    }
    if (outcome instanceof Promotion.AlreadyThere t) {
      return new Outcome(false, messages.format("overview.promote.nothing", a.name(), b.name(), t.branch(),
          Promotion.shortId(t.commit())), "");
    }
    if (outcome instanceof Promotion.ByHand) {
      return new Outcome(false, title(), effect());
    }
    var promoted = (Promotion.Promoted) outcome;
    String done;
    if (promoted.change() instanceof Promotion.Merge m) {
      done = messages.format("overview.promote.done.codecommit", b.name(), m.branch(), Promotion.shortId(m.to()));
    } else {
      var c = (Promotion.Copy) promoted.change();
      done = messages.format("overview.promote.done.s3", c.bucket(), c.fromKey(), c.toKey());
    }
    String pipelineB = promoted.pipeline();
    String started = pipelineB == null ? ""
        : promoted.run() != null ? messages.format("overview.promote.started", pipelineB, promoted.run())
        : messages.format("overview.promote.trigger", pipelineB);
    return new Outcome(true, messages.format("overview.promote.done", a.name(), b.name()),
        started.isEmpty() ? done : done + "\n" + started);
  }

  private Outcome refused(PromotionRefusal r) {
    return switch (r.kind()) {
      case UNREADABLE, RUN_NOT_SUCCEEDED, NO_DEPLOYMENT, DEPLOYMENT_NOT_SUCCEEDED -> refused(
          messages.format("overview.promote.refused.notDeployed", a.name(), b.name()), deploymentState(r));
      case NO_BRANCH -> refused(messages.format("overview.promote.refused.noBranch", r.value(0), r.value(1),
          r.value(2)), "");
      case NOT_DEPLOYED_YET -> refused(messages.format("overview.promote.refused.ahead", r.value(0), r.value(1),
          r.value(2), r.value(3)), "");
      case DIVERGED -> refused(messages.format("overview.promote.refused.diverged", r.value(0), r.value(1),
          r.value(2), r.value(3)), messages.format("overview.promote.refused.diverged.how", r.value(4), r.value(3),
          r.value(2), r.value(1)));
    };
  }

  /**
   * Why A's deployment state holds the change back, in the window's language; the statuses are AWS's own values
   * (CodePipeline's Succeeded, InProgress…; CodeDeploy's and ECS's deployment statuses), AWS's messages as they came.
   */
  private String deploymentState(PromotionRefusal r) {
    String prefix = "overview.promote.refused.";
    return switch (r.kind()) {
      case UNREADABLE -> r.value(1).isBlank() ? messages.format(prefix + "unreadable", r.value(0))
          : messages.format(prefix + "unreadable.why", r.value(0), r.value(1));
      case RUN_NOT_SUCCEEDED -> messages.format(prefix + (r.value(4).isEmpty() ? "run" : "run.failed"),
          r.value(0), r.value(1), r.value(2), r.value(3), r.value(4));
      case NO_DEPLOYMENT -> messages.format(prefix + "noDeployment", r.value(0));
      case DEPLOYMENT_NOT_SUCCEEDED -> messages.format(prefix + (r.value(4).isBlank() ? "deployment"
          : "deployment.error"), r.value(0), r.value(1), r.value(2), r.value(3), r.value(4));
      default -> throw new IllegalArgumentException("not about the deployment: " + r.kind());
    };
  }

  private Outcome refused(String header, String details) {
    return new Outcome(false, messages.get("overview.promote.refused") + " " + header, details);
  }
}
