package org.bgwizard.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import org.bgwizard.aws.TaggedResource;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.provision.steps.SetupStatus;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show what exists of the setup, what is missing and what drifted from the setup file.",
        "Exit code 1 when something is missing, drifted, unfinished or orphaned."})
final class StatusCommand extends ProvisioningCommand {
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Option(names = "--json", description = "Print the status as JSON on stdout (kind, name, ARN, state, details).")
  boolean json;

  @Option(names = "--orphans", description = "Also list resources with this setup's tag that the journal does not"
      + " know (reads the tags of every resource of those kinds: slower).")
  boolean orphans;

  StatusCommand(Backend backend) {
    super(backend);
  }

  @Override
  int run(SetupSpec setup, Backend.Session session) throws Exception {
    SetupStatus status = session.operations().status(setup, session.journal(setup), orphans);
    if (json) {
      out().println(JSON.writeValueAsString(status));
    } else {
      out().println("Status of " + status.setup() + " in account " + status.account() + ", " + status.region() + ":");
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
    return status.healthy() ? Cli.OK : Cli.FINDINGS;
  }
}
