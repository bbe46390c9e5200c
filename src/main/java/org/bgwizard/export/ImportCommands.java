package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgwizard.setup.SetupSpec;

/** The AWS CLI commands of an import, in order. */
final class ImportCommands {
  private static final String PROJECT = "AWS::CodeBuild::Project";
  private static final String GROUP = "AWS::CodeDeploy::DeploymentGroup";
  /** The types the commands delete for the stack to create them again: they hold no data (see the advice). */
  static final Set<String> RECREATED = Set.of(PROJECT, GROUP);

  private ImportCommands() {}

  /**
   * {@code recreate}: the build projects and deployment groups of {@code whole} that CloudFormation cannot import,
   * every environment's of a setup with environments.
   */
  static ImportScript text(SetupSpec spec, String stack, String setupFile, CloudFormationImport.AccountFacts facts,
      CloudFormationTemplate whole, List<TemplateResource> recreate) {
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
    var projects = recreate.stream().filter(r -> r.type().equals(PROJECT)).toList();
    var groups = recreate.stream().filter(r -> r.type().equals(GROUP)).toList();
    if (!recreate.isEmpty()) {
      boolean one = projects.size() <= 1 && groups.size() <= 1;
      out.add(ImportScript.Line.comment(groups.isEmpty() ? (one ? "step.recreate.build" : "step.recreate.builds")
          : one ? "step.recreate.buildAndGroup" : "step.recreate.buildsAndGroups"));
      projects.forEach(p -> out.add(ImportScript.Line.command("aws codebuild delete-project --name "
          + p.journalRef().name() + region)));
      groups.forEach(g -> out.add(ImportScript.Line.command("aws deploy delete-deployment-group --application-name "
          + application(g, whole) + " --deployment-group-name " + g.journalRef().name() + region)));
    } else {
      out.add(ImportScript.Line.comment("step.outputs"));
    }
    out.add(ImportScript.Line.command("aws cloudformation deploy --stack-name " + stack + " --template-file "
        + CloudFormationImport.TEMPLATE + " --parameter-overrides " + deployParameters(facts)
        + " --capabilities CAPABILITY_NAMED_IAM" + region));
    return new ImportScript(out);
  }

  /** The group's application: its name in the template, or the name of the application resource it refers to. */
  private static String application(TemplateResource group, CloudFormationTemplate whole) {
    JsonNode name = group.properties().get("ApplicationName");
    if (name.isTextual()) {
      return name.asText();
    }
    String ref = name.get("Ref").asText();
    return whole.resources().stream().filter(r -> r.logicalId().equals(ref)).findFirst().orElseThrow()
        .properties().get("ApplicationName").asText();
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
