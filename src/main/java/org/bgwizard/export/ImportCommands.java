package org.bgwizard.export;

import java.util.List;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/** The AWS CLI commands of an import, in order, and the README that explains them. */
final class ImportCommands {
  private ImportCommands() {}

  static String text(SetupSpec spec, String stack, String setupFile, CloudFormationImport.AccountFacts facts,
      boolean recreate) {
    String region = " --region " + spec.region();
    String changeSet = " --stack-name " + stack + " --change-set-name " + CloudFormationImport.CHANGE_SET + region;
    var out = new StringBuilder();
    out.append("# 1. Which resources CloudFormation can import, with the identifiers it asks for\n")
        .append("aws cloudformation get-template-summary --template-body file://")
        .append(CloudFormationImport.IMPORT_TEMPLATE).append(region).append('\n');
    out.append("# 2. The import change set: it creates the stack ").append(stack).append(" and recreates nothing\n")
        .append("aws cloudformation create-change-set").append(changeSet).append(" --change-set-type IMPORT")
        .append(" --template-body file://").append(CloudFormationImport.IMPORT_TEMPLATE)
        .append(" --resources-to-import file://").append(CloudFormationImport.RESOURCES_TO_IMPORT)
        .append(" --parameters ").append(changeSetParameters(facts)).append(" --capabilities CAPABILITY_NAMED_IAM\n")
        .append("aws cloudformation wait change-set-create-complete").append(changeSet).append('\n')
        .append("aws cloudformation describe-change-set").append(changeSet).append('\n');
    out.append("# 3. Run it\n")
        .append("aws cloudformation execute-change-set").append(changeSet).append('\n')
        .append("aws cloudformation wait stack-import-complete --stack-name ").append(stack).append(region).append('\n');
    out.append("# 4. Tell the wizard: status then names the stack; apply and teardown refuse\n")
        .append("bluegreen-wizard export ").append(setupFile).append(" --format cloudformation-import --stack ")
        .append(stack).append(" --record-import\n");
    if (recreate) {
      var cd = spec.strategy() == Strategy.CODEDEPLOY ? spec.codeDeploy() : null;
      out.append("# 5. What CloudFormation cannot import: delete the build project")
          .append(cd == null ? "" : " and the deployment group")
          .append(" while nothing runs, and let the stack create ").append(cd == null ? "it" : "them")
          .append(" again (with the outputs)\n")
          .append("aws codebuild delete-project --name ").append(spec.codeBuild().project()).append(region).append('\n');
      if (cd != null) {
        out.append("aws deploy delete-deployment-group --application-name ").append(cd.application())
            .append(" --deployment-group-name ").append(cd.deploymentGroup()).append(region).append('\n');
      }
    } else {
      out.append("# 5. Add the outputs\n");
    }
    out.append("aws cloudformation deploy --stack-name ").append(stack).append(" --template-file ")
        .append(CloudFormationImport.TEMPLATE).append(" --parameter-overrides ").append(deployParameters(facts))
        .append(" --capabilities CAPABILITY_NAMED_IAM").append(region).append('\n');
    return out.toString();
  }

  /** The AWS CLI shorthand: a comma inside a list value is escaped, in single quotes so the shell keeps it. */
  private static String changeSetParameters(CloudFormationImport.AccountFacts facts) {
    String out = "ParameterKey=" + Parts.VPC + ",ParameterValue=" + facts.vpcId()
        + " 'ParameterKey=" + Parts.SUBNETS + ",ParameterValue=" + String.join("\\,", facts.subnets()) + "'";
    if (facts.loadBalancerGroup() != null) {
      out += " ParameterKey=" + Parts.LOAD_BALANCER_GROUP_PARAMETER + ",ParameterValue=" + facts.loadBalancerGroup();
    }
    return out;
  }

  private static String deployParameters(CloudFormationImport.AccountFacts facts) {
    String out = Parts.VPC + "=" + facts.vpcId() + " " + Parts.SUBNETS + "=" + String.join(",", facts.subnets());
    if (facts.loadBalancerGroup() != null) {
      out += " " + Parts.LOAD_BALANCER_GROUP_PARAMETER + "=" + facts.loadBalancerGroup();
    }
    return out;
  }

  static String readme(SetupSpec spec, String stack, String commands, List<String> leftOut) {
    var out = new StringBuilder("# Moving the setup ").append(spec.name()).append(" under the CloudFormation stack ")
        .append(stack).append("\n\n");
    out.append("Run these from this folder, with credentials for the account the setup is in.\n\n")
        .append("- `").append(CloudFormationImport.IMPORT_TEMPLATE).append("`: the resources CloudFormation can import,")
        .append(" each with `DeletionPolicy: Retain` (an import requires it; deleting the stack keeps them).\n")
        .append("- `").append(CloudFormationImport.RESOURCES_TO_IMPORT).append("`: each one's identifier, from the")
        .append(" wizard's journal (or the account when the journal lacks it).\n")
        .append("- `").append(CloudFormationImport.TEMPLATE).append("`: the whole setup, to deploy once the import")
        .append(" is done.\n\n");
    out.append("```sh\n").append(commands).append("```\n\n");
    out.append("## Left out of the import\n\n");
    if (leftOut.isEmpty()) {
      out.append("Nothing: every resource apply made is in ").append(CloudFormationImport.RESOURCES_TO_IMPORT)
          .append(".\n");
    }
    leftOut.forEach(l -> out.append("- ").append(l).append('\n'));
    out.append("\n## Afterwards\n\n")
        .append("- Run drift detection (`aws cloudformation detect-stack-drift --stack-name ").append(stack)
        .append("`): CloudFormation checks only the identifiers when it imports.\n")
        .append(spec.strategy() == Strategy.ECS_NATIVE
            ? "- Deployments keep going through the pipeline and ECS: they register new task definition revisions and"
                + " move traffic by the weights of the listener rules, which the stack shows as drift of the service and"
                + " the rules. Do not change those through the stack.\n"
            : "- Deployments keep going through the pipeline and CodeDeploy: they register new task definition"
                + " revisions and move traffic between the target groups, which the stack shows as drift of the"
                + " service and the listeners. Do not change those through the stack.\n")
        .append("- CloudFormation's listener type has no tags: the listeners keep the tag apply gave them, and the")
        .append(" stack does not manage it.\n");
    return out.toString();
  }
}
