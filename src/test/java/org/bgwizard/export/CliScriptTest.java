package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.steps.PlannedStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script run by {@code sh} against a stand-in {@code aws} that answers every look-up with an ARN made of its
 * arguments and logs every other call: what the commands receive once the shell has expanded them.
 */
class CliScriptTest {
  @TempDir
  Path dir;

  @Test
  void nativeServiceCommand_receivesTheRulesAndRolesArns_alsoInsideQuotedOptions() throws Exception {
    String service = "aws ecs create-service --cluster demo-cluster --service-name demo-service"
        + " --deployment-controller type=ECS --load-balancers 'targetGroupArn=<demo-tg-1 arn>,containerName=demo,"
        + "containerPort=80,advancedConfiguration={alternateTargetGroupArn=<demo-tg-2 arn>,productionListenerRule="
        + "<demo-alb:80:rule-1 arn>,testListenerRule=<demo-alb:8080:rule-1 arn>,roleArn=<demo-ecs-infrastructure arn>}'"
        + " --network-configuration 'awsvpcConfiguration={subnets=[subnet-a],securityGroups=[<demo-service id>]}'";
    List<PlannedStep> steps = List.of(
        step(ResourceKind.IAM_ROLE.id(), "demo-ecs-infrastructure", "aws iam create-role --role-name"
            + " demo-ecs-infrastructure --assume-role-policy-document file://iam/ecs-infrastructure-trust.json"),
        step(ResourceKind.TARGET_GROUP.id(), "demo-tg-1", "aws elbv2 create-target-group --name demo-tg-1"),
        step(ResourceKind.TARGET_GROUP.id(), "demo-tg-2", "aws elbv2 create-target-group --name demo-tg-2"),
        step(ResourceKind.LISTENER.id(), "demo-alb:80", "aws elbv2 create-listener --port 80"),
        step(ResourceKind.LISTENER.id(), "demo-alb:8080", "aws elbv2 create-listener --port 8080"),
        step(ResourceKind.LISTENER_RULE.id(), "demo-alb:80:rule-1", "aws elbv2 create-rule --listener-arn"
            + " <demo-alb:80 arn> --priority 1"),
        step(ResourceKind.LISTENER_RULE.id(), "demo-alb:8080:rule-1", "aws elbv2 create-rule --listener-arn"
            + " <demo-alb:8080 arn> --priority 1"),
        step(ResourceKind.SERVICE.id(), "demo-service", service));
    Path script = dir.resolve("setup.sh");
    Files.writeString(script, CliScript.of(ExportSpecs.ecsNative(), "123456789012", "vpc-1", steps));

    String calls = run(script);

    assertTrue(calls.contains("|--listener-arn|listener:demo-alb:80|--priority|1|"), calls);
    assertTrue(calls.contains("|--load-balancers|targetGroupArn=tg:demo-tg-1,containerName=demo,containerPort=80,"
        + "advancedConfiguration={alternateTargetGroupArn=tg:demo-tg-2,productionListenerRule=rule:demo-alb:80:1,"
        + "testListenerRule=rule:demo-alb:8080:1,roleArn=role:demo-ecs-infrastructure}|"), calls);
    assertTrue(calls.contains("|--network-configuration|awsvpcConfiguration={subnets=[subnet-a],securityGroups="
        + "[sg:demo-service]}|"), calls);
  }

  private static PlannedStep step(String kind, String name, String command) {
    return new PlannedStep(kind, name, "create", null, null, List.of(), List.of(), command, null);
  }

  /** Runs {@code script} with the stand-in first on PATH; returns the calls it logged, one per line. */
  private String run(Path script) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path log = dir.resolve("calls.log");
    Path aws = bin.resolve("aws");
    Files.writeString(aws, String.join("\n", "#!/bin/sh",
        "case \"$*\" in",
        "  *describe-target-groups*) echo \"tg:$4\" ;;",
        "  *describe-load-balancers*) echo \"lb:$4\" ;;",
        "  *describe-security-groups*) echo \"sg:${4#Name=group-name,Values=}\" ;;",
        "  *describe-listeners*) echo \"listener:${4#lb:}:$(echo \"$6\" | tr -dc 0-9)\" ;;",
        "  *describe-rules*) echo \"rule:${4#listener:}:$(echo \"$6\" | tr -dc 0-9)\" ;;",
        "  *get-role*) echo \"role:$4\" ;;",
        "  *) printf '|%s' \"$@\" >> \"" + log + "\"; echo '|' >> \"" + log + "\" ;;",
        "esac", ""));
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder sh = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
    sh.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = sh.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), output);
    return Files.readString(log);
  }
}
