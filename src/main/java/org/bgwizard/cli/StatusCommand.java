package org.bgwizard.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.deploy.DeploymentTarget;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.provision.steps.SetupStatus;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
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

  @Option(names = "--env", paramLabel = "E", description = "In a setup with environments: the status of the"
      + " environment E alone (its own resources and the shared ones); without it, every environment, grouped.")
  String environment;

  @Mixin
  WatchOptions watching;

  StatusCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws Exception {
    if (!EnvironmentSelection.accepts(setup, environment, err())) {
      return Cli.USAGE;
    }
    SetupSpec watched = environment == null ? setup : Environments.expand(setup, environment).orElseThrow().spec();
    if (watching.watch && environment == null && setup.hasEnvironments() && setup.environments().list().size() > 1) {
      err().println("error: --watch follows one environment's deployment: add --env with one of "
          + String.join(", ", setup.environments().names()));
      return Cli.USAGE;
    }
    if (watching.watch && setup.hasEnvironments() && environment == null) {
      watched = Environments.expand(setup).get(0).spec();
    }
    if (watching.watch) {
      if (json || orphans) {
        err().println("error: --watch cannot be combined with --json or --orphans");
        return Cli.USAGE;
      }
      if (watching.problem() != null) {
        err().println("error: " + watching.problem());
        return Cli.USAGE;
      }
      try (var watch = DeploymentWatch.of(DeploymentTarget.of(watched), session)) {
        watching.run(watch, out());
      }
      return Cli.OK;
    }
    SetupStatus status = session.operations().status(setup, session.journal(setup), orphans);
    if (environment != null) {
      status = status.ofEnvironment(environment);
    }
    if (json) {
      out().println(JSON.writeValueAsString(status));
    } else {
      out().println("Status of " + status.setup() + " in account " + status.account() + ", " + status.region() + ":");
      CloudFormationHandover.marker(session.journal(setup)).ifPresent(m -> out().println("Managed by the"
          + " CloudFormation stack " + m.stack() + " (recorded " + m.recordedAt() + "): apply and teardown refuse."));
      if (environment != null) {
        out().println("Environment " + environment + " (its own resources, then those it shares):");
        print(status.resources().stream().filter(r -> r.environments().size() == 1).toList());
        print(status.resources().stream().filter(r -> r.environments().size() > 1).toList());
      } else if (setup.hasEnvironments()) {
        for (String name : setup.environments().names()) {
          out().println("Environment " + name + ":");
          print(status.resources().stream().filter(r -> r.environments().equals(List.of(name))).toList());
        }
        var shared = status.resources().stream().filter(r -> r.environments().size() > 1).toList();
        if (!shared.isEmpty()) {
          out().println("Shared by the environments:");
          print(shared);
        }
      } else {
        print(status.resources());
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
    if (!json) {
      for (EnvironmentSpec env : Environments.expand(setup)) {
        if ((environment == null || environment.equals(env.name())) && deploymentGroupExists(status, env.spec())) {
          out().println();
          if (env.name() != null) {
            out().println("Environment " + env.name() + ":");
          }
          try (var watch = DeploymentWatch.of(DeploymentTarget.of(env.spec()), session)) {
            watch.printOnce(out());
          }
        }
      }
    }
    return status.healthy() ? Cli.OK : Cli.FINDINGS;
  }

  private void print(List<ResourceStatus> resources) {
    for (ResourceStatus r : resources) {
      out().printf(Locale.ROOT, "  %-11s %s/%s%s%n", r.state(), r.kind(), r.name(), r.arn() == null ? "" : "  " + r.arn());
      r.details().forEach(d -> out().println("              " + d));
    }
  }

  /** Whether {@code spec}'s deployment group (a setup's, or one environment's) exists. */
  private static boolean deploymentGroupExists(SetupStatus status, SetupSpec spec) {
    return spec.codeDeploy() != null && status.resources().stream().anyMatch(r -> r.kind().equals(
        ResourceKind.DEPLOYMENT_GROUP.id()) && r.name().equals(spec.codeDeploy().deploymentGroup())
        && EXISTING.contains(r.state()));
  }
}
