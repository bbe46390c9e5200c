package org.bgwizard.ui.wizard;

import javafx.scene.Parent;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.FxmlLoaderFactory;

/** Builds the page shown in the wizard's page area for a step. */
public final class Pages {
  static final String ABOUT_STEP = "/fxml/wizard_about_step.fxml";

  private final FxmlLoaderFactory loader;

  public Pages(FxmlLoaderFactory loader) {
    this.loader = loader;
  }

  /** Every step shows its "about this step" page until it gets its own page. */
  public Parent page(Step step, SetupSpec spec) {
    return loader.load(ABOUT_STEP, AboutStepController.class,
        () -> new AboutStepController(step, spec, loader.messages())).root();
  }
}
