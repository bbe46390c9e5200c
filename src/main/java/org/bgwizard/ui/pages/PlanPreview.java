package org.bgwizard.ui.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.steps.LookupFailure;
import org.bgwizard.provision.steps.PlanRefusedException;
import org.bgwizard.provision.steps.PlanStatus;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.session.Session;
import org.bgwizard.session.StackHandover;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.services.WizardSession;

/**
 * The Review page's look at the account: per resource whether Create will make it, find it as wanted, use the
 * user's own, or could not look at it (and AWS's reason); and, for a CodeCommit source, committing the generated files to the repository. Both call
 * AWS, in the background, over the Start page's connection.
 */
public final class PlanPreview {
  /**
   * One resource of the plan: what it is, and what Create will do with it.
   *
   * @param couldNotLook AWS refused to show it: {@code differences} says why
   */
  public record Row(String resource, String action, String differences, boolean couldNotLook) {}

  private final SetupSpec spec;
  private final WizardSession session;
  private final Messages messages;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper commitStatus = new ReadOnlyStringWrapper(this, "commitStatus", "");
  private final ReadOnlyBooleanWrapper committing = new ReadOnlyBooleanWrapper(this, "committing");
  /** The plan shown, once looked up in the account: what "Save as AWS CLI script…" writes. */
  private final javafx.beans.property.ReadOnlyObjectWrapper<SetupPlan> shownPlan =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "shownPlan");

  public PlanPreview(SetupSpec spec, WizardSession session, Messages messages) {
    this.spec = spec;
    this.session = session;
    this.messages = messages;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Looking, not connected, refused, or how many resources Create makes. */
  public ReadOnlyStringProperty status() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty commitStatus() {
    return commitStatus.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty committing() {
    return committing.getReadOnlyProperty();
  }

  /** How a terminal runs the app's commands, as the app was started. */
  public String command() {
    return session.command();
  }

  /** The commands' options for the Start page's connection. */
  public String connectionFlags() {
    return ReviewViewModel.connectionFlags(session.connection().get());
  }

  /** The source is a CodeCommit repository: the files can be committed to it. */
  public boolean canCommit() {
    return spec.source().provider() == Source.Provider.CODECOMMIT;
  }

  /** Plans in the background; nothing is created. */
  public void load() {
    if (session.workspace().get() == null) {
      status.set(messages.get("review.plan.notConnected"));
      return;
    }
    status.set(messages.get("review.plan.looking"));
    session.ensureRegion(spec.region(), () -> {
      Session workspace = session.workspace().get();
      session.executor().submit(BackgroundTask.of(() -> new Looked(StackHandover.manager(workspace, spec),
              workspace.operations().plan(spec)))
          .onSuccess(looked -> show(looked.plan(), looked.manager()))
          .onError(error -> status.set(error instanceof PlanRefusedException refused
              ? messages.format("create.refused", String.join("\n", refused.reasons()))
              : messages.format("review.plan.failed", error.getMessage()))));
    }, error -> status.set(messages.format("review.plan.failed", error.getMessage())));
  }

  /** The plan, and the stack that manages the setup when one was recorded. */
  private record Looked(Optional<StackMarker> manager, SetupPlan plan) {}

  /** The plan shown, null until the account was looked at. */
  public javafx.beans.property.ReadOnlyObjectProperty<SetupPlan> shownPlan() {
    return shownPlan.getReadOnlyProperty();
  }

  /**
   * The plan as a shell script of AWS CLI commands in dependency order with the waits between them (the same as
   * {@code export --format cli}); empty until the plan is shown.
   */
  public Optional<String> cliScript() {
    SetupPlan plan = shownPlan.get();
    return plan == null ? Optional.empty() : Optional.of(org.bgwizard.export.CliScript.of(spec,
        plan.target().accountId(), plan.network().vpcId(), plan.planned()));
  }

  private void show(SetupPlan plan, Optional<StackMarker> manager) {
    shownPlan.set(plan);
    long creates = 0;
    var shown = new ArrayList<Row>();
    var unknown = new ArrayList<String>();
    for (var step : plan.plan().steps()) {
      var planned = plan.status(step.ref());
      creates += planned.kind() == PlanStatus.Kind.CREATE ? 1 : 0;
      var failure = plan.lookupFailure(step.ref());
      String resource = StepRow.environmentPrefix(plan, step.ref(), messages)
          + StepRow.resourceLabel(step.ref(), messages);
      failure.ifPresent(f -> unknown.add(resource));
      shown.add(new Row(resource, messages.get("plan.status." + planned.kind().name().toLowerCase(Locale.ROOT)),
          failure.map(this::couldNotLook).orElse(String.join("; ", planned.differences())), failure.isPresent()));
    }
    rows.setAll(shown);
    String summary = messages.format("review.plan.summary", shown.size(), creates, plan.target().accountId(),
        plan.target().region());
    String shownStatus = unknown.isEmpty() ? summary
        : summary + "\n" + messages.format("review.plan.unknown", unknown.size(), String.join(", ", unknown));
    status.set(manager.map(m -> messages.format("stack.managed", m.stack(), m.recordedAt()) + "\n").orElse("")
        + shownStatus);
  }

  /** "AccessDeniedException on codecommit:GetRepository: User: … is not authorized …" (the action column says unknown). */
  private String couldNotLook(LookupFailure failure) {
    return failure.action() == null
        ? messages.format("review.plan.lookupFailedNoAction", failure.error(), failure.message())
        : messages.format("review.plan.lookupFailed", failure.error(), failure.action(), failure.message());
  }

  /** Commits {@code files} on top of the source branch, in the background. */
  public void commit(List<RepoFile> files) {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      commitStatus.set(messages.get("review.commit.notConnected"));
      return;
    }
    Map<String, String> contents = new LinkedHashMap<>();
    files.forEach(f -> contents.put(f.path(), f.content()));
    String repository = spec.source().repository();
    String branch = spec.source().branch();
    committing.set(true);
    commitStatus.set("");
    session.executor().submit(BackgroundTask.of(() -> {
      var commits = workspace.commits();
      if (!commits.repositoryExists(repository)) {
        return messages.format("review.commit.noRepository", repository);
      }
      return commits.commitFiles(repository, branch, contents, messages.get("review.commit.message"),
          "Blue/Green Pipeline Wizard")
          .map(id -> messages.format("review.commit.done", contents.size(), repository, branch, id))
          .orElse(messages.format("review.commit.unchanged", repository, branch));
    }).onSuccess(commitStatus::set)
        .onError(error -> commitStatus.set(messages.format("review.commit.failed", error.getMessage())))
        .andFinally(() -> committing.set(false)));
  }
}
