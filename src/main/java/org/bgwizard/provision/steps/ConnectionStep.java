package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.IamPolicies;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.CodeConnections;
import org.bgwizard.aws.ConsoleLinks;
import org.bgwizard.aws.ConnectionInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.provision.WaitTimeoutException;
import org.bgwizard.setup.Source;

/**
 * The AWS CodeConnections connection to GitHub, GitLab or Bitbucket. Found by ARN (the user's), else by name, else
 * an AVAILABLE connection of the same provider in the account is reused; otherwise it is created, PENDING. AWS lets
 * only the console complete the handshake with the provider (CodeConnections API Reference, CreateConnection), so
 * apply shows the console link and waits for AVAILABLE, bounded by {@link #HANDSHAKE_WAIT}; then it stops with
 * what to do (catalogue row 29), and apply again resumes. Once available, the pipeline role may use it: an inline
 * policy on that role allows codeconnections:UseConnection on this connection only (and the codestar-connections
 * name of the action for connections made before the rename — "Permissions and examples for AWS CodeConnections").
 */
final class ConnectionStep extends AwsStep<ConnectionInfo> {
  static final Duration HANDSHAKE_WAIT = Duration.ofMinutes(3);
  static final Duration POLL = Duration.ofSeconds(10);
  static final String POLICY_NAME = ResourceTexts.CONNECTION_POLICY;

  private final ResourceRef pipelineRole;

  ConnectionStep(Setup setup, ResourceRef pipelineRole) {
    super(setup, ResourceKind.CONNECTION, nameOf(setup.spec().source()),
        setup.spec().source().connectionArn() != null ? Origin.REUSE : Origin.CREATE, List.of(pipelineRole),
        Duration.ofSeconds(5));
    this.pipelineRole = pipelineRole;
  }

  static String nameOf(Source source) {
    return source.connectionArn() != null
        ? source.connectionArn().substring(source.connectionArn().lastIndexOf('/') + 1) : source.connectionName();
  }

  private Source source() {
    return setup.spec().source();
  }

  private String providerType() {
    return source().connectionProvider() == null ? "GitHub" : source().connectionProvider();
  }

  private CodeConnections connections() {
    return setup.aws().connections();
  }

  @Override
  Optional<ConnectionInfo> lookUp() {
    if (source().connectionArn() != null) {
      return connections().get(source().connectionArn());
    }
    return connections().findByName(source().connectionName(), providerType())
        .or(() -> connections().anyAvailable(providerType()));
  }

  @Override
  PlanStatus compare(ConnectionInfo found) {
    if (!providerType().equals(found.providerType())) {
      return PlanStatus.refuse("The connection " + found.arn() + " is for " + found.providerType() + ", not "
          + providerType());
    }
    return PlanStatus.update(found.available() ? List.of() : List.of("it is " + found.status()
        + ": complete its handshake in the console (" + ConsoleLinks.connections(setup.target().region()) + ")"));
  }

  @Override
  String idOf(ConnectionInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    Optional<ConnectionInfo> found = call(ctx, "codeconnections ListConnections", this::lookUp);
    if (origin() == Origin.REUSE && found.isEmpty()) {
      throw new IllegalStateException("The connection " + source().connectionArn() + " does not exist");
    }
    ConnectionInfo connection;
    if (found.isPresent()) {
      connection = found.get();
      requireUsable(connection);
      claimIfTagged(ctx, connection);
    } else {
      ctx.beforeCreate();
      connection = call(ctx, "codeconnections CreateConnection " + ref().name(),
          () -> connections().create(ref().name(), providerType(), setup.tags()));
      ctx.created(Map.of("arn", connection.arn()));
    }
    if (!connection.available()) {
      String arn = connection.arn();
      String url = ConsoleLinks.connections(setup.target().region());
      ctx.progress("ACTION REQUIRED: open " + url + ", choose the connection " + connection.name() + ", \"Update"
          + " pending connection\" and authorise " + providerType() + "; waiting up to " + HANDSHAKE_WAIT.toMinutes()
          + " min");
      try {
        ctx.awaitUntil(() -> connections().get(arn).map(ConnectionInfo::available).orElse(false), POLL,
            HANDSHAKE_WAIT, "the connection " + connection.name() + " to become AVAILABLE");
      } catch (WaitTimeoutException e) {
        throw new IllegalStateException("ACTION REQUIRED: the connection " + connection.name() + " (" + arn
            + ") is not AVAILABLE: its handshake is not complete. Open " + url + ", choose the connection, then"
            + " \"Update pending connection\" and authorise " + providerType() + " in the browser (AWS allows this"
            + " step only in the console); then run apply again.", e);
      }
    }
    String document = IamPolicies.useConnection(connection.arn());
    run(ctx, "iam PutRolePolicy " + pipelineRole.name() + " " + POLICY_NAME,
        () -> setup.aws().roles().putInlinePolicy(pipelineRole.name(), POLICY_NAME, document));
    return StepOutcome.of("arn", connection.arn(), "name", connection.name());
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    String arn = entry.output("arn").orElse(null);
    Optional<ConnectionInfo> found = arn != null ? connections().get(arn)
        : connections().findByName(ref().name(), providerType());
    if (found.isPresent()) {
      run(ctx, "codeconnections DeleteConnection " + found.get().arn(), () -> connections().delete(found.get().arn()));
    }
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws codeconnections get-connection --connection-arn " + source().connectionArn();
    }
    return "aws codeconnections create-connection --connection-name " + ref().name() + " --provider-type "
        + providerType() + " && (complete the handshake: " + ConsoleLinks.connections(setup.target().region())
        + ")";
  }
}
