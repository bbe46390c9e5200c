package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code export --format cli}: the plan as a shell script, through the CLI's entry point. */
class ExportScriptCliTest extends SandboxCliTest {

  @Test
  void cli_writesThePlansCommandsInDependencyOrder_withTheWaitsBetween() throws Exception {
    Path script = dir.resolve("setup.sh");

    int code = sandbox("export", "--format", "cli", "--out", script.toString());

    assertEquals(0, code, err.toString());
    String text = Files.readString(script);
    assertTrue(text.startsWith("#!/bin/sh\n"), text);
    int role = text.indexOf("aws iam create-role --role-name demo-ecs-task-execution");
    int roleWait = text.indexOf("aws iam wait role-exists --role-name demo-ecs-task-execution");
    int loadBalancer = text.indexOf("aws elbv2 create-load-balancer --name demo-alb");
    int available = text.indexOf("aws elbv2 wait load-balancer-available --names demo-alb");
    int listener = text.indexOf("aws elbv2 create-listener --load-balancer-arn \"$(lb_arn demo-alb)\"");
    int service = text.indexOf("aws ecs create-service --cluster demo-cluster --service-name demo-service");
    int stable = text.indexOf("aws ecs wait services-stable --cluster demo-cluster --services demo-service");
    int group = text.indexOf("aws deploy create-deployment-group");
    int pipeline = text.indexOf("aws codepipeline create-pipeline");
    assertTrue(0 < role && role < roleWait && roleWait < service, text);
    assertTrue(loadBalancer < available && available < listener && listener < service, text);
    assertTrue(service < stable && stable < group && group < pipeline, text);
    assertTrue(text.contains("--security-groups \"$(sg_id demo-alb)\""), text);
    assertFalse(text.replace("<IMAGE1_NAME>", "").matches("(?s).*<[^>]+ (arn|id)>.*"), "no placeholder is left");
    Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    String syntax = new String(check.getInputStream().readAllBytes());
    assertEquals(0, check.waitFor(), syntax);
  }

  @Test
  void cli_afterApply_hasNothingToDo() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("export", "--format", "cli"), err.toString());

    assertTrue(out.toString().contains("# exists: ecs-service/demo-service\n# nothing to do\n"), out.toString());
    assertFalse(out.toString().contains("aws ecs create-service"), out.toString());
  }
}
