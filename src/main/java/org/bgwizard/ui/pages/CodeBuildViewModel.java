package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.setup.AwsChoices;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.Source.Provider;
import org.bgwizard.setup.SpecDefaults;

/**
 * Where the pipeline's source comes from, and the CodeBuild project that builds the image. Each provider's
 * fields are kept while another provider is chosen, so switching back loses nothing.
 */
public final class CodeBuildViewModel extends PageModel {
  private final ObjectProperty<Provider> provider = new SimpleObjectProperty<>(this, "provider");
  private final StringProperty repository = new SimpleStringProperty(this, "repository");
  private final StringProperty branch = new SimpleStringProperty(this, "branch");
  private final BooleanProperty existingRepository = new SimpleBooleanProperty(this, "existingRepository");
  private final BooleanProperty commitStarterApp = new SimpleBooleanProperty(this, "commitStarterApp");
  private final StringProperty s3Bucket = new SimpleStringProperty(this, "s3Bucket");
  private final StringProperty s3ObjectKey = new SimpleStringProperty(this, "s3ObjectKey");
  private final StringProperty connectionArn = new SimpleStringProperty(this, "connectionArn");
  private final StringProperty fullRepositoryId = new SimpleStringProperty(this, "fullRepositoryId");
  private final StringProperty connectionName = new SimpleStringProperty(this, "connectionName");
  private final ObjectProperty<String> connectionProvider = new SimpleObjectProperty<>(this, "connectionProvider");
  private final ObservableList<String> connectionProviderChoices =
      FXCollections.observableArrayList(Source.CONNECTION_PROVIDERS);
  private final StringProperty project = new SimpleStringProperty(this, "project");
  private final StringProperty image = new SimpleStringProperty(this, "image");
  private final ObjectProperty<String> computeType = new SimpleObjectProperty<>(this, "computeType");
  private final ObservableList<String> computeTypeChoices =
      FXCollections.observableArrayList(AwsChoices.BUILD_COMPUTE_TYPES);
  private final ObjectProperty<TaskDefinitionMode> taskDefinitionMode = new SimpleObjectProperty<>(this, "mode");
  private final StringProperty dockerHubSecretArn = new SimpleStringProperty(this, "dockerHubSecretArn");
  private final StringProperty timeoutMinutes = new SimpleStringProperty(this, "timeoutMinutes");

  public CodeBuildViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var s = spec.get().source();
    var cb = spec.get().codeBuild();
    provider.set(s.provider());
    repository.set(text(s.repository()));
    branch.set(text(s.branch()));
    existingRepository.set(s.existingRepository());
    commitStarterApp.set(s.commitStarterApp());
    s3Bucket.set(text(s.s3Bucket()));
    s3ObjectKey.set(text(s.s3ObjectKey()));
    connectionArn.set(text(s.connectionArn()));
    fullRepositoryId.set(text(s.fullRepositoryId()));
    connectionProvider.set(s.connectionProvider() != null ? s.connectionProvider() : "GitHub");
    String defaultName = spec.get().name() + "-git";
    connectionName.set(s.connectionName() != null ? s.connectionName()
        : defaultName.length() <= 32 ? defaultName : defaultName.substring(0, 32));
    project.set(text(cb.project()));
    image.set(text(cb.image()));
    if (cb.computeType() != null && !computeTypeChoices.contains(cb.computeType())) {
      computeTypeChoices.add(cb.computeType());
    }
    computeType.set(cb.computeType());
    taskDefinitionMode.set(cb.taskDefinitionMode());
    dockerHubSecretArn.set(text(cb.dockerHubSecretArn()));
    timeoutMinutes.set(text(cb.timeoutMinutes()));
    fields("source.provider", "source.repository", "source.branch", "source.commitStarterApp", "source.s3Bucket",
        "source.s3ObjectKey", "source.connectionArn", "source.fullRepositoryId", "source.connectionName",
        "source.connectionProvider", "codeBuild.project", "codeBuild.image",
        "codeBuild.computeType", "codeBuild.privileged", "codeBuild.taskDefinitionMode", "codeBuild.dockerHubSecretArn",
        "codeBuild.timeoutMinutes");
    watch(provider, repository, branch, existingRepository, commitStarterApp, s3Bucket, s3ObjectKey, connectionArn,
        fullRepositoryId, connectionName, connectionProvider, project, image, computeType, taskDefinitionMode, dockerHubSecretArn, timeoutMinutes);
    update();
  }

  public ObjectProperty<Provider> provider() {
    return provider;
  }

  public BooleanBinding providerIs(Provider which) {
    return provider.isEqualTo(which);
  }

  public StringProperty repository() {
    return repository;
  }

  /** The branch the pipeline watches, for CodeCommit and GitHub alike. */
  public StringProperty branch() {
    return branch;
  }

  public BooleanProperty existingRepository() {
    return existingRepository;
  }

  /** Only a new CodeCommit repository can receive the starter app. */
  public BooleanProperty commitStarterApp() {
    return commitStarterApp;
  }

  public StringProperty s3Bucket() {
    return s3Bucket;
  }

  public StringProperty s3ObjectKey() {
    return s3ObjectKey;
  }

  public StringProperty connectionArn() {
    return connectionArn;
  }

  public StringProperty fullRepositoryId() {
    return fullRepositoryId;
  }

  /** The connection apply finds or creates when no ARN is given. */
  public StringProperty connectionName() {
    return connectionName;
  }

  public ObjectProperty<String> connectionProvider() {
    return connectionProvider;
  }

  public ObservableList<String> connectionProviderChoices() {
    return connectionProviderChoices;
  }

  public StringProperty project() {
    return project;
  }

  public StringProperty image() {
    return image;
  }

  public ObjectProperty<String> computeType() {
    return computeType;
  }

  public ObservableList<String> computeTypeChoices() {
    return computeTypeChoices;
  }

  public ObjectProperty<TaskDefinitionMode> taskDefinitionMode() {
    return taskDefinitionMode;
  }

  public StringProperty dockerHubSecretArn() {
    return dockerHubSecretArn;
  }

  public StringProperty timeoutMinutes() {
    return timeoutMinutes;
  }

  public Architecture architecture() {
    return spec().container().architecture();
  }

  /** The build image for the container's architecture (catalogue row 20). */
  public String defaultImage() {
    return SpecDefaults.buildImageFor(architecture());
  }

  public void useDefaultImage() {
    image.set(defaultImage());
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    var cb = base.codeBuild();
    boolean starter = commitStarterApp.get() && (provider.get() == Provider.S3
        || provider.get() == Provider.CODECOMMIT && !existingRepository.get());
    var source = new Source(provider.get(), repository.get(), branch.get(), existingRepository.get(), starter,
        optional(s3Bucket), optional(s3ObjectKey), optional(connectionArn), optional(fullRepositoryId),
        provider.get() == Provider.GITHUB ? optional(connectionName) : base.source().connectionName(),
        provider.get() == Provider.GITHUB ? connectionProvider.get() : base.source().connectionProvider());
    // privileged is locked on: without it Docker cannot run in the build (catalogue row 22)
    var build = new CodeBuild(project.get(), image.get(), computeType.get(), true, taskDefinitionMode.get(),
        optional(dockerHubSecretArn), number(timeoutMinutes, cb.timeoutMinutes(), "codeBuild.timeoutMinutes", found));
    return base.withSource(source).withCodeBuild(build);
  }
}
