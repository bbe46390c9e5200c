package org.bgwizard.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.provision.steps.SetupStatus;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show what exists of the setup, what is missing or drifted, and the live deployment.",
        "Once the deployment group exists, the live deployment: pipeline, deployment and its lifecycle events,",
        "which target group each listener sends traffic to, task sets, countdowns, stopped tasks with their",
        "diagnosis, history. --watch redraws only the deployment, in place, every --interval seconds.",
        "Exit code 1 when something is missing, drifted, unfinished, orphaned or could not be looked at (UNKNOWN,",
        "with AWS's reason; --json gives it as \"lookup\": {\"error\", \"action\", \"message\"})."})
final class StatusCommand extends ProvisioningCommand {
  private static final Set<ResourceStatus.State> EXISTING = EnumSet.of(ResourceStatus.State.PRESENT,
      ResourceStatus.State.DRIFTED, ResourceStatus.State.UNTRACKED);
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Option(names = "--json", description = "Print the status as JSON on stdout (kind, name, ARN, state, details,"
      + " and lookup when AWS refused to show the resource).")
  boolean json;

  @Option(names = "--orphans", description = "Also list resources with this setup's tag that the journal does not"
      + " know (reads the tags of every resource of those kinds: slower).")
  boolean orphans;

  @Mixin
  WatchOptions watching;

  StatusCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws Exception {
    if (watching.watch) {
      if (json || orphans) {
        err().println("error: --watch cannot be combined with --json or --orphans");
        return Cli.USAGE;
      }
      if (watching.problem() != null) {
        err().println("error: " + watching.problem());
        return Cli.USAGE;
      }
      try (var watch = DeploymentWatch.of(DeploymentTarget.of(setup), session)) {
        watching.run(watch, out());
      }
      return Cli.OK;
    }
    SetupStatus status = session.operations().status(setup, session.journal(setup), orphans);
    if (json) {
      out().println(JSON.writeValueAsString(status));
    } else {
      out().println("Status of " + status.setup() + " in account " + status.account() + ", " + status.region() + ":");
      CloudFormationHandover.marker(session.journal(setup)).ifPresent(m -> out().println("Managed by the"
          + " CloudFormation stack " + m.stack() + " (recorded " + m.recordedAt() + "): apply and teardown refuse."));
      for (ResourceStatus r : status.resources()) {
        out().printf(Locale.ROOT, "  %-11s %s/%s%s%n", r.state(), r.kind(), r.name(), r.arn() == null ? "" : "  " + r.arn());
        r.details().forEach(d -> out().println("              " + d));
      }
      if (status.orphans() != null) {
        out().println(status.orphans().isEmpty() ? "No orphans: every resource with the setup's tag is in the journal."
            : "Orphans (tagged " + SetupSpec.SETUP_TAG + "=" + setup.name() + ", unknown to the journal; delete them"
                + " by hand if they are not needed):");
        for (TaggedResource o : status.orphans()) {
          out().println("  " + o.kind() + "/" + o.name() + "  " + o.arn());
        }
      }
    }
    if (!json && deploymentGroupExists(status)) {
      out().println();
      try (var watch = DeploymentWatch.of(DeploymentTarget.of(setup), session)) {
        watch.printOnce(out());
      }
    }
    return status.healthy() ? Cli.OK : Cli.FINDINGS;
  }

  private static boolean deploymentGroupExists(SetupStatus status) {
    return status.resources().stream().anyMatch(r -> r.kind().equals(ResourceKind.DEPLOYMENT_GROUP.id())
        && EXISTING.contains(r.state()));
  }
}
