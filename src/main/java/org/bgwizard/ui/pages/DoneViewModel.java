package org.bgwizard.ui.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.artifacts.ConsoleLinks;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.session.Session;
import org.bgwizard.session.StackHandover;
import org.bgwizard.setup.EnvironmentSpec;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.util.AtomicFiles;

/**
 * The Done page: where the new service answers (the load balancer's name, from the journal), the console pages
 * of what was created, and the way on to the dashboard. The simulated account has no console and no reachable
 * load balancer, and costs nothing; the page says so instead of offering links that go nowhere.
 */
public final class DoneViewModel {
  private final SetupSpec spec;
  private final WizardSession session;
  private final Messages messages;
  private final ReadOnlyStringWrapper productionUrl = new ReadOnlyStringWrapper(this, "productionUrl", "");
  private final ReadOnlyStringWrapper testUrl = new ReadOnlyStringWrapper(this, "testUrl", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper pipelineStarted = new ReadOnlyStringWrapper(this, "pipelineStarted", "");
  private final ReadOnlyBooleanWrapper startingPipeline = new ReadOnlyBooleanWrapper(this, "startingPipeline");
  private final ReadOnlyStringWrapper stackStatus = new ReadOnlyStringWrapper(this, "stackStatus", "");

  private final ObservableList<EnvironmentUrls> environmentUrls = FXCollections.observableArrayList();

  private final List<String> changes;

  public DoneViewModel(SetupSpec spec, WizardSession session, Messages messages) {
    this(spec, session, messages, List.of());
  }

  /** {@code changes}: what the Create run before this page changed in existing resources, one line each. */
  public DoneViewModel(SetupSpec spec, WizardSession session, Messages messages, List<String> changes) {
    this.changes = List.copyOf(changes);
    this.spec = spec;
    this.session = session;
    this.messages = messages;
  }

  public SetupSpec spec() {
    return spec;
  }

  public List<String> changes() {
    return changes;
  }

  /** How a terminal runs the app's commands, as the app was started. */
  public String command() {
    return session.command();
  }

  public boolean simulated() {
    var identity = session.identity().get();
    return identity == null || identity.simulated();
  }

  public ReadOnlyStringProperty productionUrl() {
    return productionUrl.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty testUrl() {
    return testUrl.getReadOnlyProperty();
  }

  /** Where one environment answers, on its load balancer (or its ports of the shared one). */
  public record EnvironmentUrls(String environment, String production, String test) {}

  /** A setup with environments: each one's URLs, in promotion order, once read from the journal; else empty. */
  public ObservableList<EnvironmentUrls> environmentUrls() {
    return environmentUrls;
  }

  /** The environments in promotion order; empty for a setup without. */
  public List<String> environments() {
    return spec.hasEnvironments() ? spec.environments().names() : List.of();
  }

  /**
   * The pipeline Start starts: the setup's, or in a setup with environments the first environment's, where a change
   * arrives first (promotion takes it on).
   */
  public String pipeline() {
    return Environments.expand(spec).get(0).spec().pipeline().name();
  }

  public ReadOnlyStringProperty problem() {
    return problem.getReadOnlyProperty();
  }

  /** What the last Start pipeline did: the execution it started, or what AWS said; empty before. */
  public ReadOnlyStringProperty pipelineStarted() {
    return pipelineStarted.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty startingPipeline() {
    return startingPipeline.getReadOnlyProperty();
  }

  /** Starts a run of {@link #pipeline()} (CodePipeline StartPipelineExecution) in the background. */
  public void startPipeline() {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      pipelineStarted.set(messages.get("create.notConnected"));
      return;
    }
    String pipeline = pipeline();
    String started = environments().isEmpty() ? "done.pipelineStarted" : "done.pipelineStarted.environments";
    startingPipeline.set(true);
    pipelineStarted.set("");
    session.executor().submit(BackgroundTask.of(() -> workspace.commits().startPipeline(pipeline))
        .onSuccess(id -> pipelineStarted.set(messages.format(started, pipeline, id, environments().stream()
            .findFirst().orElse(""))))
        .onError(error -> pipelineStarted.set(messages.format("done.pipelineNotStarted", pipeline,
            String.valueOf(error.getMessage()))))
        .andFinally(() -> startingPipeline.set(false)));
  }

  /** The stack that manages the setup, or why the import files were not made; empty before. */
  public ReadOnlyStringProperty stackStatus() {
    return stackStatus.getReadOnlyProperty();
  }

  /**
   * The import files for {@code stack} ({@code export --format cloudformation-import --stack}), and those of them that
   * {@code folder} holds with other content.
   */
  public record ImportFiles(Path folder, String stack, CloudFormationImport.Prepared prepared, List<Path> replaced) {}

  /** The stack name the import offers: the setup's name. */
  public String defaultStackName() {
    return spec.name();
  }

  /**
   * What is wrong with {@code stack} as the name of the stack, naming the field, the value and what CloudFormation
   * takes (CreateStack); empty when it is a stack name.
   */
  public Optional<String> stackNameProblem(String stack) {
    return StackMarker.isStackName(stack) ? Optional.empty()
        : Optional.of(messages.format("stack.import.name.invalid", messages.get("stack.import.name"), stack));
  }

  /** Makes the import files for {@code stack} from the journal and the account, in the background; nothing is written yet. */
  public void prepareImport(Path folder, Path setupFile, String stack, Consumer<ImportFiles> then) {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      stackStatus.set(messages.get("create.notConnected"));
      return;
    }
    if (stackNameProblem(stack).isPresent()) {
      stackStatus.set(stackNameProblem(stack).get());
      return;
    }
    stackStatus.set("");
    session.executor().submit(BackgroundTask.of(() -> {
      var prepared = StackHandover.prepare(workspace, spec, stack, setupFile.toString());
      var files = prepared.files(messages.locale());
      var replaced = files.entrySet().stream().map(f -> folder.resolve(f.getKey()))
          .filter(path -> differs(path, files.get(path.getFileName().toString()))).toList();
      return new ImportFiles(folder, stack, prepared, replaced);
    }).onSuccess(then).onError(this::importFailed));
  }

  /** Writes the import files into their folder, in the background. */
  public void writeImport(ImportFiles files, Consumer<ImportFiles> then) {
    session.executor().submit(BackgroundTask.of(() -> {
      // the README in the window's language, like the commands and notes the dialog shows
      for (var file : files.prepared().files(messages.locale()).entrySet()) {
        AtomicFiles.write(files.folder().resolve(file.getKey()), file.getValue());
      }
      return files;
    }).onSuccess(then).onError(this::importFailed));
  }

  /** Records that {@code stack} manages the setup ({@code export --record-import}), in the background. */
  public void recordImport(String stack) {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      stackStatus.set(messages.get("create.notConnected"));
      return;
    }
    session.executor().submit(BackgroundTask.of(() -> StackHandover.record(workspace, spec, stack))
        .onSuccess(marker -> stackStatus.set(messages.format("stack.import.recorded", stack, marker)))
        .onError(this::importFailed));
  }

  private void importFailed(Throwable error) {
    stackStatus.set(messages.format("stack.import.failed", error.getMessage() == null
        ? error.getClass().getSimpleName() : error.getMessage()));
  }

  private static boolean differs(Path path, String content) {
    try {
      return Files.exists(path) && !Files.readString(path, StandardCharsets.UTF_8).equals(content);
    } catch (IOException e) {
      return true;
    }
  }

  /** A console page: {@code id} names its link on the page, {@code label} says what it shows. */
  public record ConsoleLink(String id, String label, String url) {}

  /**
   * The console pages of what was created, in {@link ConsoleLinks}' order; in a setup with environments each
   * environment's pipeline and service, labelled with the environment, and the shared pages once.
   */
  public List<ConsoleLink> consoleLinks() {
    var envs = Environments.expand(spec);
    var out = new ArrayList<ConsoleLink>();
    for (String name : ConsoleLinks.of(envs.get(0).spec()).keySet()) {
      boolean own = spec.hasEnvironments() && (name.equals(ConsoleLinks.PIPELINE) || name.equals(ConsoleLinks.SERVICE));
      for (EnvironmentSpec env : own ? envs : envs.subList(0, 1)) {
        String label = messages.get("done.console." + name);
        out.add(own ? new ConsoleLink("console-" + name + "-" + env.name(), messages.format("plan.environment",
                env.name()) + label, ConsoleLinks.of(env.spec()).get(name))
            : new ConsoleLink("console-" + name, label, ConsoleLinks.of(env.spec()).get(name)));
      }
    }
    return out;
  }

  /** Reads the load balancers' DNS names from the setup's journal, in the background. */
  public void load() {
    Session workspace = session.workspace().get();
    if (workspace == null) {
      problem.set(messages.get("create.notConnected"));
      return;
    }
    if (spec.hasEnvironments()) {
      session.executor().submit(BackgroundTask.of(() -> urlsOfEnvironments(workspace))
          .onSuccess(urls -> {
            environmentUrls.setAll(urls);
            if (urls.size() < spec.environments().list().size()) {
              problem.set(messages.get("done.notCreated"));
            }
          })
          .onError(error -> problem.set(messages.format("create.error", error.getMessage()))));
    } else {
      session.executor().submit(BackgroundTask.of(() -> dnsName(workspace, spec.loadBalancer().name()))
          .onSuccess(found -> found.ifPresentOrElse(dns -> {
            productionUrl.set(url(dns, spec.loadBalancer().productionPort()));
            testUrl.set(url(dns, spec.loadBalancer().testPort()));
          }, () -> problem.set(messages.get("done.notCreated"))))
          .onError(error -> problem.set(messages.format("create.error", error.getMessage()))));
    }
    session.executor().submit(BackgroundTask.of(() -> StackHandover.manager(workspace, spec))
        .onSuccess(manager -> manager.ifPresent(m -> stackStatus.set(messages.format("stack.managed", m.stack(),
            m.recordedAt()))))
        .onError(this::importFailed));
  }

  /** Each environment whose load balancer the journal records, with its ports (a shared one's differ). */
  private List<EnvironmentUrls> urlsOfEnvironments(Session workspace) throws Exception {
    var out = new ArrayList<EnvironmentUrls>();
    for (EnvironmentSpec env : Environments.expand(spec)) {
      var lb = env.spec().loadBalancer();
      dnsName(workspace, lb.name()).ifPresent(dns -> out.add(new EnvironmentUrls(env.name(),
          url(dns, lb.productionPort()), url(dns, lb.testPort()))));
    }
    return out;
  }

  /**
   * The DNS name the journal records for the load balancer {@code name}; in a setup without environments, whose one
   * load balancer it is, the first one recorded when none has that name.
   */
  private Optional<String> dnsName(Session workspace, String name) throws Exception {
    String kind = ResourceKind.LOAD_BALANCER.id();
    var created = workspace.journal(spec).entries().stream()
        .filter(e -> e.ref().kind().equals(kind) && e.state() == JournalEntry.State.DONE).toList();
    return created.stream().filter(e -> e.ref().name().equals(name)).findFirst()
        .or(() -> spec.hasEnvironments() ? Optional.empty() : created.stream().findFirst())
        .flatMap(e -> e.output("dnsName"));
  }

  private static String url(String dns, int port) {
    return "http://" + dns + (port == 80 ? "" : ":" + port) + "/";
  }

  public void browse(String url) {
    session.browse(url);
  }
}
