package org.bgwizard.ui.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.bgwizard.artifacts.Finding;
import org.bgwizard.artifacts.Preflight;
import org.bgwizard.artifacts.PreflightInput;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.aws.Connection;
import org.bgwizard.artifacts.Severity;
import org.bgwizard.artifacts.Target;
import org.bgwizard.aws.Identity;
import org.bgwizard.setup.SetupSpec;

/**
 * What will be created, checked before anything is: the generated repository files and the preflight findings.
 * Errors block Next; warnings need the user's tick. Without a connection the files use the simulated account.
 */
public final class ReviewViewModel {
  /** The sandbox's account id (AWS's documentation example), named before any connection. */
  static final String SIMULATED_ACCOUNT = "123456789012";

  private final SetupSpec spec;
  private final Target target;
  private final List<RepoFile> files;
  private final List<Finding> findings;
  private final BooleanProperty warningsAccepted = new SimpleBooleanProperty(this, "warningsAccepted");
  private final BooleanBinding canCreate;

  public ReviewViewModel(SetupSpec spec, Identity identity) {
    this(spec, new Target(identity == null ? SIMULATED_ACCOUNT : identity.account(), spec.region()));
  }

  private ReviewViewModel(SetupSpec spec, Target target) {
    this(spec, target, RepoFiles.generate(spec, target));
  }

  private ReviewViewModel(SetupSpec spec, Target target, List<RepoFile> files) {
    this(spec, target, files, Preflight.check(PreflightInput.files(spec, content(files, Preflight.BUILDSPEC),
        content(files, Preflight.APPSPEC), content(files, Preflight.TASKDEF), content(files, Preflight.DOCKERFILE))));
  }

  ReviewViewModel(SetupSpec spec, Target target, List<RepoFile> files, List<Finding> findings) {
    this.spec = spec;
    this.target = target;
    this.files = files;
    this.findings = findings.stream().sorted(Finding.BY_PLACE).toList();
    boolean errors = has(Severity.ERROR);
    boolean warnings = has(Severity.WARNING);
    canCreate = Bindings.createBooleanBinding(() -> !errors && (!warnings || warningsAccepted.get()),
        warningsAccepted);
  }

  public SetupSpec spec() {
    return spec;
  }

  public List<RepoFile> files() {
    return files;
  }

  public List<Finding> findings() {
    return findings;
  }

  public boolean hasWarnings() {
    return has(Severity.WARNING);
  }

  public boolean hasErrors() {
    return has(Severity.ERROR);
  }

  /** The user read the warnings and goes on anyway. */
  public BooleanProperty warningsAccepted() {
    return warningsAccepted;
  }

  /** Gates Next: no error, and every warning accepted. */
  public BooleanBinding canCreate() {
    return canCreate;
  }

  /** The account the files name (the connected one, else the simulated account). */
  public String account() {
    return target.accountId();
  }

  /** Writes every generated file under {@code folder}, creating folders as needed; returns the files written. */
  public List<Path> export(Path folder) throws IOException {
    var written = new ArrayList<Path>();
    for (RepoFile file : files) {
      Path path = folder.resolve(file.path());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.content());
      written.add(path);
    }
    return written;
  }

  /** The same steps on the command line, for scripts and CI. */
  public List<String> cliCommands(String command, String connectionFlags) {
    String file = spec.name() + ".json";
    return List.of(command + " validate " + file,
        command + " files " + file + " --out " + spec.name() + "-files --account " + account(),
        command + " plan " + file + " " + connectionFlags,
        command + " apply " + file + " " + connectionFlags);
  }

  /** The connection options of the commands for {@code connection}; the sandbox when there is none. */
  public static String connectionFlags(Connection connection) {
    if (connection == null || connection.mode() == Connection.Mode.SANDBOX) {
      return "--sandbox";
    }
    var flags = new ArrayList<String>();
    if (connection.mode() == Connection.Mode.DEFAULT_CHAIN) {
      flags.add("--aws");
    }
    if (connection.mode() == Connection.Mode.ENDPOINT) {
      flags.add("--endpoint " + connection.endpoint());
    }
    if (connection.profile() != null) {
      flags.add("--profile " + connection.profile());
    }
    if (connection.region() != null) {
      flags.add("--region " + connection.region());
    }
    return String.join(" ", flags);
  }

  private static String content(List<RepoFile> files, String name) {
    return files.stream().filter(f -> f.path().equals(name)).map(RepoFile::content).findFirst().orElse(null);
  }

  private boolean has(Severity severity) {
    return findings.stream().anyMatch(f -> f.severity() == severity);
  }
}
