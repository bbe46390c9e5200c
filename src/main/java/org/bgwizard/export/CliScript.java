package org.bgwizard.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.steps.PlannedStep;
import org.bgwizard.setup.SetupSpec;

/**
 * The plan as a shell script: the AWS CLI command {@code plan} shows for each step, in the plan's dependency order,
 * with the waits AWS CLI offers between them. An identifier AWS assigns (written {@code <name arn>} or
 * {@code <name id>} in the plan) is looked up by name when the command runs.
 */
public final class CliScript {
  private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+) (arn|id)>");
  private static final Pattern IMAGE = Pattern.compile("file://taskdef\\.json \\(image ([^)]+)\\)");

  private CliScript() {}

  public static String of(SetupSpec spec, String accountId, String vpcId, List<PlannedStep> steps) {
    // a load balancer and its security group share a name: "<name id>" is always a security group
    Map<String, String> kinds = new HashMap<>();
    steps.stream().filter(s -> !s.kind().equals(ResourceKind.SECURITY_GROUP.id()))
        .forEach(s -> kinds.put(s.name(), s.kind()));
    var out = new StringBuilder("#!/bin/sh\n");
    out.append("# The plan of the setup ").append(spec.name()).append(" in account ").append(accountId).append(", ")
        .append(spec.region()).append(", as AWS CLI commands in dependency order: the commands `plan` shows.\n")
        .append("# Run it in a folder where `bluegreen-wizard files SETUP --all --out .` wrote the files it reads")
        .append(" (iam/, pipeline.json, taskdef.json, events/).\n")
        .append("# Steps whose resource already exists have no command. Apply does the same, and also resumes,")
        .append(" retries and records what it made for teardown: this script does none of that.\n")
        .append("set -eu\n")
        .append("export AWS_DEFAULT_REGION=").append(spec.region()).append('\n')
        .append("VPC=").append(vpcId).append("\n\n")
        .append("sg_id() { aws ec2 describe-security-groups --filters Name=group-name,Values=\"$1\" Name=vpc-id,")
        .append("Values=\"$VPC\" --query 'SecurityGroups[0].GroupId' --output text; }\n")
        .append("lb_arn() { aws elbv2 describe-load-balancers --names \"$1\" --query 'LoadBalancers[0].LoadBalancerArn'")
        .append(" --output text; }\n")
        .append("tg_arn() { aws elbv2 describe-target-groups --names \"$1\" --query 'TargetGroups[0].TargetGroupArn'")
        .append(" --output text; }\n")
        .append("listener_arn() { aws elbv2 describe-listeners --load-balancer-arn \"$(lb_arn \"$1\")\" --query")
        .append(" \"Listeners[?Port==\\`$2\\`].ListenerArn\" --output text; }\n")
        .append("rule_arn() { aws elbv2 describe-rules --listener-arn \"$(listener_arn \"$1\" \"$2\")\" --query")
        .append(" \"Rules[?Priority=='$3'].RuleArn\" --output text; }\n")
        .append("role_arn() { aws iam get-role --role-name \"$1\" --query Role.Arn --output text; }\n");
    for (PlannedStep step : steps) {
      out.append("\n# ").append(step.action()).append(": ").append(step.kind()).append('/').append(step.name())
          .append('\n');
      if (step.command() == null) {
        out.append("# nothing to do\n");
        continue;
      }
      out.append(runnable(step, kinds, spec)).append('\n');
      wait(step, spec).ifPresent(w -> out.append(w).append('\n'));
    }
    return out.toString();
  }

  private static String runnable(PlannedStep step, Map<String, String> kinds, SetupSpec spec) {
    String command = step.command().replace(" --client-token <journal token>", "");
    Matcher image = IMAGE.matcher(command);
    if (image.find()) {
      command = "sed 's#<IMAGE1_NAME>#" + image.group(1) + "#' taskdef.json > taskdef-first.json && "
          + image.replaceFirst("file://taskdef-first.json");
    }
    command = command.replace("<arn>", lookup(step.kind(), step.name()))
        .replace("<id>", lookup(step.kind(), step.name()))
        .replace("<load balancer group id>", loadBalancerGroup(spec));
    Matcher m = PLACEHOLDER.matcher(command);
    var result = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String kind = m.group(2).equals("id") ? ResourceKind.SECURITY_GROUP.id() : kinds.getOrDefault(name, "");
      String value = lookup(kind, name);
      // inside '…' the shell would not run the lookup: close the quotes around it
      boolean quoted = command.substring(0, m.start()).chars().filter(c -> c == '\'').count() % 2 == 1;
      m.appendReplacement(result, Matcher.quoteReplacement(quoted ? "'" + value + "'" : value));
    }
    m.appendTail(result);
    return result.toString().replace(" && ", " &&\n  ");
  }

  /** The new load balancer's group by name, or the first group of the user's own load balancer. */
  private static String loadBalancerGroup(SetupSpec spec) {
    var lb = spec.loadBalancer();
    if (lb.isExisting()) {
      return "\"$(aws elbv2 describe-load-balancers --load-balancer-arns " + lb.existingArn()
          + " --query 'LoadBalancers[0].SecurityGroups[0]' --output text)\"";
    }
    return "\"$(sg_id " + ResourceTexts.loadBalancerGroupName(spec) + ")\"";
  }

  private static String lookup(String kind, String name) {
    if (kind.equals(ResourceKind.SECURITY_GROUP.id())) {
      return "\"$(sg_id " + name + ")\"";
    }
    if (kind.equals(ResourceKind.TARGET_GROUP.id())) {
      return "\"$(tg_arn " + name + ")\"";
    }
    if (kind.equals(ResourceKind.LISTENER.id())) {
      int colon = name.lastIndexOf(':');
      return "\"$(listener_arn " + name.substring(0, colon) + " " + name.substring(colon + 1) + ")\"";
    }
    if (kind.equals(ResourceKind.LISTENER_RULE.id())) {
      // <load balancer>:<port>:rule-<priority>, as apply names a rule
      String[] parts = name.split(":");
      return "\"$(rule_arn " + parts[0] + " " + parts[1] + " " + parts[2].substring("rule-".length()) + ")\"";
    }
    if (kind.equals(ResourceKind.IAM_ROLE.id())) {
      return "\"$(role_arn " + name + ")\"";
    }
    return "\"$(lb_arn " + name + ")\"";
  }

  /** The AWS CLI waiter after the step, where what follows needs the resource ready. */
  private static java.util.Optional<String> wait(PlannedStep step, SetupSpec spec) {
    String kind = step.kind();
    if (kind.equals(ResourceKind.IAM_ROLE.id()) && step.command().contains("create-role")) {
      return java.util.Optional.of("aws iam wait role-exists --role-name " + step.name());
    }
    if (kind.equals(ResourceKind.SECURITY_GROUP.id())) {
      return java.util.Optional.of("aws ec2 wait security-group-exists --group-ids \"$(sg_id " + step.name() + ")\"");
    }
    if (kind.equals(ResourceKind.LOAD_BALANCER.id()) && step.command().contains("create-load-balancer")) {
      return java.util.Optional.of("aws elbv2 wait load-balancer-available --names " + step.name());
    }
    if (kind.equals(ResourceKind.SERVICE.id())) {
      return java.util.Optional.of("aws ecs wait services-stable --cluster " + spec.ecs().cluster() + " --services "
          + step.name());
    }
    return java.util.Optional.empty();
  }
}
