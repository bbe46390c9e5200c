package org.bgwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.bgwizard.artifacts.Json;
import org.bgwizard.util.AtomicFiles;

/**
 * The record that a CloudFormation stack manages the setup, kept next to its journal. The user records it once the
 * import change set has run ({@code export --record-import}): the tool cannot see the stack itself. It has no
 * CloudFormation client, and the stack's {@code aws:cloudformation:stack-name} tag is no sign either: CloudFormation
 * does not put it on every type (IAM roles, ECS services, load balancers, target groups, listeners, pipelines and
 * CodeDeploy applications have {@code tagging.cloudFormationSystemTags: false} in their resource schemas).
 */
public record StackMarker(String stack, Instant recordedAt) {
  /**
   * CreateStack's StackName (CloudFormation API Reference, CreateStack): "A stack name can contain only alphanumeric
   * characters (case sensitive) and hyphens. It must start with an alphabetical character and can't be longer than
   * 128 characters."
   */
  private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");

  /** Whether CloudFormation takes {@code name} as a stack name. */
  public static boolean isStackName(String name) {
    return name != null && STACK_NAME.matcher(name).matches();
  }


  /** {@code <journal>.cloudformation.json} beside {@code journal}. */
  public static Path fileFor(Path journal) {
    String name = journal.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return journal.resolveSibling(base + ".cloudformation.json");
  }

  public static Optional<StackMarker> read(Path journal) throws IOException {
    Path file = fileFor(journal);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode node = Json.read(Files.readString(file, StandardCharsets.UTF_8));
    return Optional.of(new StackMarker(node.path("stack").asText(), Instant.parse(node.path("recordedAt").asText())));
  }

  public void write(Path journal) throws IOException {
    ObjectNode node = Json.object();
    node.put("stack", stack);
    node.put("recordedAt", recordedAt.toString());
    AtomicFiles.write(fileFor(journal), Json.pretty(node));
  }

  /** What apply and teardown say when they refuse. */
  public String refusal(String command) {
    return command + " refuses: the CloudFormation stack " + stack + " manages this setup (recorded " + recordedAt
        + "). Change it with CloudFormation (aws cloudformation deploy --stack-name " + stack + " …), or delete the"
        + " stack to remove it.";
  }
}
