package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Strategy;

/** The setup's name and region, how it deploys blue/green, and the container every other step refers to. */
public final class BasicsViewModel extends PageModel {
  /** Regions offered in the list; any other region code may be typed. */
  public static final List<String> REGIONS = List.of(
      "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1",
      "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2",
      "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "af-south-1", "ap-east-1", "ap-south-1",
      "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
      "ap-southeast-3", "ap-southeast-4");

  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty region = new SimpleStringProperty(this, "region");
  private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy");
  private final StringProperty containerName = new SimpleStringProperty(this, "containerName");
  private final StringProperty containerPort = new SimpleStringProperty(this, "containerPort");
  private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture");
  private final StringProperty initialImage = new SimpleStringProperty(this, "initialImage");

  public BasicsViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var s = spec.get();
    var c = s.container();
    name.set(text(s.name()));
    region.set(text(s.region()));
    strategy.set(s.strategy());
    containerName.set(text(c.name()));
    containerPort.set(text(c.port()));
    architecture.set(c.architecture());
    initialImage.set(text(c.initialImage()));
    fields("name", "region", "container.name", "container.port", "container.architecture", "container.initialImage");
    watch(name, region, strategy, containerName, containerPort, architecture, initialImage);
    update();
  }

  public StringProperty name() {
    return name;
  }

  public StringProperty region() {
    return region;
  }

  /** CodeDeploy (the tutorials') or ECS's own blue/green; switching keeps the rest of the setup. */
  public ObjectProperty<Strategy> strategy() {
    return strategy;
  }

  public StringProperty containerName() {
    return containerName;
  }

  public StringProperty containerPort() {
    return containerPort;
  }

  public ObjectProperty<Architecture> architecture() {
    return architecture;
  }

  public StringProperty initialImage() {
    return initialImage;
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> inputProblems) {
    SetupSpec next = base;
    if (!Objects.equals(base.name(), name.get())) {
      next = DerivedValues.rename(next, name.get());
      containerName.set(next.container().name());
    }
    next = DerivedValues.architecture(next, architecture.get());
    next = DerivedValues.strategy(next, strategy.get());
    var c = next.container();
    int port = number(containerPort, c.port(), "container.port", inputProblems);
    return next.withRegion(region.get()).withContainer(new Container(containerName.get(), port, c.cpu(), c.memory(),
        c.architecture(), c.environment(), c.healthCheckPath(), initialImage.get()));
  }
}
