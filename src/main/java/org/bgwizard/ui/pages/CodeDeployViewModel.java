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
import org.bgwizard.setup.CodeDeploy;
import org.bgwizard.setup.CodeDeploy.Reroute;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** The CodeDeploy application and deployment group: how traffic moves and how long the old version stays. */
public final class CodeDeployViewModel extends PageModel {
  private final StringProperty application = new SimpleStringProperty(this, "application");
  private final StringProperty deploymentGroup = new SimpleStringProperty(this, "deploymentGroup");
  private final ObjectProperty<String> deploymentConfig = new SimpleObjectProperty<>(this, "deploymentConfig");
  private final ObservableList<String> configChoices = FXCollections.observableArrayList(AwsChoices.ECS_DEPLOYMENT_CONFIGS);
  private final ObjectProperty<Reroute> reroute = new SimpleObjectProperty<>(this, "reroute");
  private final StringProperty rerouteWaitMinutes = new SimpleStringProperty(this, "rerouteWaitMinutes");
  private final StringProperty terminationWaitMinutes = new SimpleStringProperty(this, "terminationWaitMinutes");
  private final BooleanProperty autoRollback = new SimpleBooleanProperty(this, "autoRollback");
  private final BooleanBinding waiting = reroute.isEqualTo(Reroute.WAIT);

  public CodeDeployViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var cd = spec.get().codeDeploy();
    application.set(text(cd.application()));
    deploymentGroup.set(text(cd.deploymentGroup()));
    if (cd.deploymentConfig() != null && !configChoices.contains(cd.deploymentConfig())) {
      configChoices.add(cd.deploymentConfig());
    }
    deploymentConfig.set(cd.deploymentConfig());
    reroute.set(cd.reroute());
    rerouteWaitMinutes.set(cd.rerouteWaitMinutes() == null ? "" : text(cd.rerouteWaitMinutes()));
    terminationWaitMinutes.set(text(cd.terminationWaitMinutes()));
    autoRollback.set(cd.autoRollback());
    fields("codeDeploy.application", "codeDeploy.deploymentGroup", "codeDeploy.deploymentConfig", "codeDeploy.reroute",
        "codeDeploy.rerouteWaitMinutes", "codeDeploy.terminationWaitMinutes");
    watch(application, deploymentGroup, deploymentConfig, reroute, rerouteWaitMinutes, terminationWaitMinutes,
        autoRollback);
    update();
  }

  public StringProperty application() {
    return application;
  }

  public StringProperty deploymentGroup() {
    return deploymentGroup;
  }

  public ObjectProperty<String> deploymentConfig() {
    return deploymentConfig;
  }

  /** The predefined ECS configurations, and the setup's own one if it names another. */
  public ObservableList<String> configChoices() {
    return configChoices;
  }

  /** True for the configurations CodeDeploy predefines, which the page explains one by one. */
  public static boolean isPredefined(String config) {
    return AwsChoices.ECS_DEPLOYMENT_CONFIGS.contains(config);
  }

  public ObjectProperty<Reroute> reroute() {
    return reroute;
  }

  /** The minutes to wait apply only when waiting for a person to reroute (catalogue row 26). */
  public BooleanBinding waiting() {
    return waiting;
  }

  public StringProperty rerouteWaitMinutes() {
    return rerouteWaitMinutes;
  }

  public StringProperty terminationWaitMinutes() {
    return terminationWaitMinutes;
  }

  public BooleanProperty autoRollback() {
    return autoRollback;
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    var cd = base.codeDeploy();
    Integer wait = waiting.get() ? optionalNumber(rerouteWaitMinutes) : null;
    int termination = number(terminationWaitMinutes, cd.terminationWaitMinutes(), "codeDeploy.terminationWaitMinutes",
        found);
    return base.withCodeDeploy(new CodeDeploy(application.get(), deploymentGroup.get(), deploymentConfig.get(),
        reroute.get(), wait, termination, autoRollback.get()));
  }
}
