package org.bgwizard.sandbox.codebuild.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Result;
import org.bgwizard.sandbox.codebuild.BuildRun;
import org.bgwizard.sandbox.core.Ports;

/**
 * The AWS CLI calls buildspecs make, as the build's role: {@code ecr get-login-password} (needs
 * ecr:GetAuthorizationToken — catalogue row 23), {@code ecs describe-task-definition} (seed 001, through
 * {@link Ports.Deployer#describeTaskDefinition}), {@code sts get-caller-identity} and {@code --version}. Other
 * calls are not modeled: they succeed with no output.
 */
final class BuildAwsCli {
  /** The CLI's exit status for an error the service returned. */
  private static final int SERVICE_ERROR = 254;
  /** Options that take no value. */
  private static final Set<String> FLAGS = Set.of("--no-cli-pager", "--debug", "--no-paginate", "--no-verify-ssl",
      "--no-sign-request", "--include-email");

  private final BuildRun run;

  BuildAwsCli(BuildRun run) {
    this.run = run;
  }

  Result run(List<String> args) {
    if (args.contains("--version")) {
      return Result.ok("aws-cli/2.15.30 Python/3.11.8 Linux/5.10 exec-env/CodeBuild exe/x86_64 prompt/off\n");
    }
    List<String> words = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        words.add(a);
      } else if (a.contains("=")) {
        options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else if (!FLAGS.contains(a) && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        options.put(a.substring(2), args.get(++i));
      }
    }
    String query = options.get("query");
    String output = options.getOrDefault("output", "json");
    String taskDefinition = options.get("task-definition");
    String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
    return switch (command) {
      case "ecr get-login-password" -> loginPassword();
      case "ecs describe-task-definition" -> describeTaskDefinition(taskDefinition);
      case "sts get-caller-identity" -> callerIdentity(query, output);
      default -> Result.ok("");
    };
  }

  private Result denied(String operation, String action, String resource) {
    run.output("An error occurred (AccessDeniedException) when calling the " + operation + " operation: User: "
        + run.assumedRoleArn() + " is not authorized to perform: " + action + " on resource: " + resource
        + " because no identity-based policy allows the " + action + " action");
    return Result.fail(SERVICE_ERROR);
  }

  private boolean allowed(String action) {
    return run.iam().allows(run.build().serviceRole, action, "*", null);
  }

  private Result loginPassword() {
    if (!allowed("ecr:GetAuthorizationToken")) {
      return denied("GetAuthorizationToken", "ecr:GetAuthorizationToken", "*");
    }
    // a clearly fake token: docker login only needs something non-empty
    return Result.ok("sandbox-ecr-token-" + run.account().ids().hex(32) + "\n");
  }

  private Result describeTaskDefinition(String family) {
    if (!allowed("ecs:DescribeTaskDefinition")) {
      return denied("DescribeTaskDefinition", "ecs:DescribeTaskDefinition", "*");
    }
    Optional<String> found = family == null ? Optional.empty() : run.deployer().describeTaskDefinition(family);
    if (found.isEmpty()) {
      run.output("An error occurred (ClientException) when calling the DescribeTaskDefinition operation: Unable to"
          + " describe task definition.");
      return Result.fail(SERVICE_ERROR);
    }
    try {
      ObjectNode out = BuildPrograms.PRETTY.createObjectNode();
      out.set("taskDefinition", BuildPrograms.PRETTY.readTree(found.get()));
      out.putArray("tags");
      return Result.ok(BuildPrograms.PRETTY.writeValueAsString(out) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Deployer.describeTaskDefinition returned text that is not JSON", e);
    }
  }

  private Result callerIdentity(String query, String output) {
    ObjectNode identity = BuildPrograms.PRETTY.createObjectNode();
    identity.put("UserId", "AROA" + run.account().accountId() + "SANDBOX:AWSCodeBuild-" + run.buildUuid());
    identity.put("Account", run.account().accountId());
    identity.put("Arn", run.assumedRoleArn());
    JsonNode result = query == null ? identity : identity.path(query);
    if ("text".equals(output)) {
      return Result.ok((result.isObject() ? identity.get("UserId").asText() + "\t" + identity.get("Account").asText()
          + "\t" + identity.get("Arn").asText() : result.asText()) + "\n");
    }
    try {
      return Result.ok(BuildPrograms.PRETTY.writeValueAsString(result) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
