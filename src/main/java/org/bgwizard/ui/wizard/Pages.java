package org.bgwizard.ui.wizard;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Parent;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.FxmlLoaderFactory;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.pages.BasicsController;
import org.bgwizard.ui.pages.BasicsViewModel;
import org.bgwizard.ui.common.FxThread;
import org.bgwizard.ui.pages.CodeBuildController;
import org.bgwizard.ui.pages.CodeBuildViewModel;
import org.bgwizard.ui.pages.CodeDeployController;
import org.bgwizard.ui.pages.CodeDeployViewModel;
import org.bgwizard.ui.pages.CreateController;
import org.bgwizard.ui.pages.CreateViewModel;
import org.bgwizard.ui.pages.DerivedValues;
import org.bgwizard.ui.pages.DoneController;
import org.bgwizard.ui.pages.DoneViewModel;
import org.bgwizard.setup.Strategy;
import org.bgwizard.ui.pages.EcsBlueGreenController;
import org.bgwizard.ui.pages.EcsBlueGreenViewModel;
import org.bgwizard.ui.pages.EcsController;
import org.bgwizard.ui.pages.EcsViewModel;
import org.bgwizard.ui.pages.EnvironmentsController;
import org.bgwizard.ui.pages.EnvironmentsViewModel;
import org.bgwizard.ui.pages.LoadBalancerController;
import org.bgwizard.ui.pages.LoadBalancerViewModel;
import org.bgwizard.ui.pages.NetworkController;
import org.bgwizard.ui.pages.NetworkViewModel;
import org.bgwizard.ui.pages.PageModel;
import org.bgwizard.ui.pages.PipelineController;
import org.bgwizard.ui.pages.PlanPreview;
import org.bgwizard.ui.pages.PipelineViewModel;
import org.bgwizard.ui.pages.RepositoryController;
import org.bgwizard.ui.pages.RepositoryViewModel;
import org.bgwizard.ui.pages.ReviewController;
import org.bgwizard.ui.pages.ReviewViewModel;
import org.bgwizard.ui.pages.RolesController;
import org.bgwizard.ui.pages.RolesViewModel;
import org.bgwizard.ui.pages.StartController;
import org.bgwizard.ui.pages.StartViewModel;
import org.bgwizard.ui.services.DashboardLauncher;
import org.bgwizard.ui.services.WizardSession;

/**
 * Builds the page shown in the wizard's page area for a step: the setup steps get their form, the others their
 * "about this step" page. A form edits the wizard's spec as the user types and vetoes Next while it has problems.
 */
public final class Pages {

  private final FxmlLoaderFactory loader;
  private final WizardModel model;
  private final WizardSession session;
  private final SetupFiles files;
  private final Dialogs dialogs;
  /** The Create page last shown: the Done page says what its run changed. */
  private CreateViewModel lastCreate;

  public Pages(FxmlLoaderFactory loader, WizardModel model, WizardSession session, SetupFiles files,
      Dialogs dialogs) {
    this.loader = loader;
    this.model = model;
    this.session = session;
    this.files = files;
    this.dialogs = dialogs;
  }

  public Parent page(Step step, SetupSpec spec) {
    return switch (step) {
      case START -> loader.load("/fxml/wizard_start.fxml", StartController.class, () -> new StartController(
          new StartViewModel(session, spec.region(), loader.messages()), files, loader.messages(),
          new DashboardLauncher(session, dialogs, loader.messages()), model.spec()::get)).root();
      case BASICS -> form(step, spec, BasicsController.class, BasicsViewModel::new, BasicsController::new);
      case ENVIRONMENTS -> form(step, spec, EnvironmentsController.class, EnvironmentsViewModel::new,
          EnvironmentsController::new);
      case NETWORK -> form(step, spec, NetworkController.class, NetworkViewModel::new, NetworkController::new);
      case IAM_ROLES -> form(step, spec, RolesController.class, RolesViewModel::new, RolesController::new);
      case IMAGE_REPOSITORY -> form(step, spec, RepositoryController.class, RepositoryViewModel::new,
          RepositoryController::new);
      case LOAD_BALANCER -> form(step, spec, LoadBalancerController.class, LoadBalancerViewModel::new,
          LoadBalancerController::new);
      case ECS_SERVICE -> form(step, spec, EcsController.class, EcsViewModel::new, EcsController::new);
      case CODEDEPLOY -> spec.strategy() == Strategy.ECS_NATIVE
          ? form(Step.ECS_BLUE_GREEN, spec, EcsBlueGreenController.class, EcsBlueGreenViewModel::new,
              EcsBlueGreenController::new)
          : form(step, spec, CodeDeployController.class, CodeDeployViewModel::new, CodeDeployController::new);
      case CODEBUILD_SOURCE -> form(step, spec, CodeBuildController.class, CodeBuildViewModel::new,
          CodeBuildController::new);
      case PIPELINE -> form(step, spec, PipelineController.class, PipelineViewModel::new, PipelineController::new);
      case REVIEW -> review(spec);
      case CREATE -> create(spec);
      case DONE -> done(spec);
    };
  }

  private Parent review(SetupSpec spec) {
    var review = new ReviewViewModel(spec, session.identity().get());
    var view = loader.load("/fxml/wizard_review.fxml", ReviewController.class,
        () -> new ReviewController(review, new PlanPreview(spec, session, loader.messages()), dialogs,
            session.executor(), loader.messages()));
    model.canGoNext().bind(review.canCreate());
    return view.root();
  }

  private Parent create(SetupSpec spec) {
    var create = new CreateViewModel(spec, session, loader.messages(), FxThread.INSTANCE);
    lastCreate = create;
    var identity = session.identity().get();
    var view = loader.load("/fxml/wizard_create.fxml", CreateController.class,
        () -> new CreateController(create, dialogs, loader.messages(), identity == null || identity.simulated(),
            session));
    model.processing().bind(create.running());
    model.canGoNext().bind(create.phase().isEqualTo(CreateViewModel.Phase.CREATED));
    create.prepare();
    return view.root();
  }

  private Parent done(SetupSpec spec) {
    var done = new DoneViewModel(spec, session, loader.messages(), lastCreate == null ? List.of()
        : lastCreate.changes());
    var launcher = new DashboardLauncher(session, dialogs, loader.messages());
    return loader.load("/fxml/wizard_done.fxml", DoneController.class, () -> new DoneController(done, launcher,
        loader.messages(), session.recent().keptFile(spec), dialogs)).root();
  }

  private <M extends PageModel, C> Parent form(Step step, SetupSpec spec, Class<C> controllerType,
      BiFunction<ObjectProperty<SetupSpec>, Locale, M> viewModel, BiFunction<M, Messages, C> controller) {
    return form(step.key(), spec, controllerType, viewModel, controller);
  }

  /** The form {@code /fxml/wizard_<key>.fxml}, editing the wizard's spec. */
  private <M extends PageModel, C> Parent form(String key, SetupSpec spec, Class<C> controllerType,
      BiFunction<ObjectProperty<SetupSpec>, Locale, M> viewModel, BiFunction<M, Messages, C> controller) {
    var complete = DerivedValues.withMissingSections(spec);
    if (!complete.equals(spec)) {
      model.spec().set(complete);
    }
    Messages messages = loader.messages();
    M pageModel = viewModel.apply(model.spec(), messages.locale());
    var view = loader.load("/fxml/wizard_" + key + ".fxml", controllerType,
        () -> controller.apply(pageModel, messages));
    model.canGoNext().bind(pageModel.valid());
    return view.root();
  }
}
