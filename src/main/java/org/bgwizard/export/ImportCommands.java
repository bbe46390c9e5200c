package org.bgwizard.export;

import java.util.ArrayList;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/** The AWS CLI commands of an import, in order. */
final class ImportCommands {
  private ImportCommands() {}

  static ImportScript text(SetupSpec spec, String stack, String setupFile, CloudFormationImport.AccountFacts facts,
      boolean recreate) {
    String region = " --region " + spec.region();
    String changeSet = " --stack-name " + stack + " --change-set-name " + CloudFormationImport.CHANGE_SET + region;
    var out = new ArrayList<ImportScript.Line>();
    out.add(ImportScript.Line.comment("step.summary"));
    out.add(ImportScript.Line.command("aws cloudformation get-template-summary --template-body file://"
        + CloudFormationImport.IMPORT_TEMPLATE + region));
    out.add(ImportScript.Line.comment("step.changeSet", stack));
    out.add(ImportScript.Line.command("aws cloudformation create-change-set" + changeSet + " --change-set-type IMPORT"
        + " --template-body file://" + CloudFormationImport.IMPORT_TEMPLATE
        + " --resources-to-import file://" + CloudFormationImport.RESOURCES_TO_IMPORT
        + " --parameters " + changeSetParameters(facts) + " --capabilities CAPABILITY_NAMED_IAM"));
    out.add(ImportScript.Line.command("aws cloudformation wait change-set-create-complete" + changeSet));
    out.add(ImportScript.Line.command("aws cloudformation describe-change-set" + changeSet));
    out.add(ImportScript.Line.comment("step.run"));
    out.add(ImportScript.Line.command("aws cloudformation execute-change-set" + changeSet));
    out.add(ImportScript.Line.command("aws cloudformation wait stack-import-complete --stack-name " + stack + region));
    out.add(ImportScript.Line.comment("step.record"));
    out.add(ImportScript.Line.command("bluegreen-wizard export " + setupFile + " --format cloudformation-import --stack "
        + stack + " --record-import"));
    if (recreate) {
      var cd = spec.strategy() == Strategy.CODEDEPLOY ? spec.codeDeploy() : null;
      out.add(ImportScript.Line.comment(cd == null ? "step.recreate.build" : "step.recreate.buildAndGroup"));
      out.add(ImportScript.Line.command("aws codebuild delete-project --name " + spec.codeBuild().project() + region));
      if (cd != null) {
        out.add(ImportScript.Line.command("aws deploy delete-deployment-group --application-name " + cd.application()
            + " --deployment-group-name " + cd.deploymentGroup() + region));
      }
    } else {
      out.add(ImportScript.Line.comment("step.outputs"));
    }
    out.add(ImportScript.Line.command("aws cloudformation deploy --stack-name " + stack + " --template-file "
        + CloudFormationImport.TEMPLATE + " --parameter-overrides " + deployParameters(facts)
        + " --capabilities CAPABILITY_NAMED_IAM" + region));
    return new ImportScript(out);
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
}
