package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.ImageRepository;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** The ECR repository the build pushes to and the tasks pull from. */
public final class RepositoryViewModel extends PageModel {
  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty keepImages = new SimpleStringProperty(this, "keepImages");
  private final BooleanProperty scanOnPush = new SimpleBooleanProperty(this, "scanOnPush");
  private final BooleanProperty existing = new SimpleBooleanProperty(this, "existing");

  public RepositoryViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var repo = spec.get().repository();
    name.set(text(repo.name()));
    keepImages.set(text(repo.keepImages()));
    scanOnPush.set(repo.scanOnPush());
    existing.set(repo.existing());
    fields("repository.name", "repository.keepImages");
    watch(name, keepImages, scanOnPush, existing);
    update();
  }

  public StringProperty name() {
    return name;
  }

  public StringProperty keepImages() {
    return keepImages;
  }

  public BooleanProperty scanOnPush() {
    return scanOnPush;
  }

  /** The repository is the user's own: no lifecycle policy or scan setting is applied to it. */
  public BooleanProperty existing() {
    return existing;
  }

  public String region() {
    return spec().region();
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> inputProblems) {
    var repo = base.repository();
    int keep = number(keepImages, repo.keepImages(), "repository.keepImages", inputProblems);
    return base.withRepository(new ImageRepository(name.get(), keep, scanOnPush.get(), existing.get()));
  }
}
