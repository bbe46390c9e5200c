package org.bgwizard.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.session.Connector;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what apply would do, step by step, with the AWS CLI command for each.",
        "Each step is create, exists, update, recreate, reuse or unknown; an update lists each field old → new.",
        "Only reads; refuses when something found cannot be used. A resource AWS would not let you look at is",
        "listed as unknown, with the reason; the exit code is then 1."})
final class PlanCommand extends ProvisioningCommand {
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Option(names = "--json", description = "Print the plan as JSON on stdout (each step: action, owner, changes old"
      + " → new, AWS CLI command).")
  boolean json;

  PlanCommand(Connector connector) {
    super(connector);
  }

  @Override
  int run(SetupSpec setup, Session session) throws IOException {
    try {
      SetupPlan plan = session.operations().plan(setup, session.journal(setup));
      if (json) {
        var data = new LinkedHashMap<String, Object>();
        data.put("setup", setup.name());
        data.put("account", plan.target().accountId());
        data.put("region", plan.target().region());
        data.put("steps", plan.planned());
        data.put("refusals", plan.refusals());
        data.put("warnings", plan.warnings());
        out().println(JSON.writeValueAsString(data));
      } else {
        out().print(plan.describe());
        explain(plan.warnings());
      }
      int unknown = plan.lookupFailures().size();
      if (unknown > 0) {
        err().println("warning: could not look at " + unknown + (unknown == 1 ? " resource" : " resources")
            + "; apply tries " + (unknown == 1 ? "its step" : "their steps") + " and goes on with the rest");
        return Cli.FINDINGS;
      }
      return Cli.OK;
    } catch (PlanRefusedException e) {
      return refused(e);
    }
  }
}
