package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.setup.Environment;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.Environments.ApprovalTopic;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/**
 * One environment, as in the tutorial, or several (1 to {@link Environments#MAX}) in promotion order: each with
 * its name, branch, sizes and approval gate; one load balancer for all of them or one each; and the SNS topic
 * approval requests go to. Off, the setup has no environments section and is exactly today's setup.
 */
public final class EnvironmentsViewModel extends PageModel {
  /** What turning environments on proposes, as in the tutorial. */
  public static final List<String> DEFAULT_NAMES = List.of("dev", "qa", "prod");
  /** Names offered, in this order, to an added environment. */
  private static final List<String> ADDED_NAMES = List.of("dev", "test", "qa", "staging", "prod", "uat", "perf");
  /** The columns of a row, each a field of {@code environments.list[i]}, as the validator names them. */
  public static final List<String> COLUMNS = List.of("name", "branch", "desiredCount", "cpu", "memory",
      "productionPort", "testPort");

  private final BooleanProperty several = new SimpleBooleanProperty(this, "several");
  private final ObservableList<EnvironmentInput> rows =
      FXCollections.observableArrayList(EnvironmentInput::observables);
  private final BooleanProperty sharedLoadBalancer = new SimpleBooleanProperty(this, "sharedLoadBalancer");
  private final BooleanProperty existingTopic = new SimpleBooleanProperty(this, "existingTopic");
  private final StringProperty topicName = new SimpleStringProperty(this, "topicName", "");
  private final StringProperty topicArn = new SimpleStringProperty(this, "topicArn", "");
  private final StringProperty email = new SimpleStringProperty(this, "email", "");
  private final BooleanBinding anyApproval;

  public EnvironmentsViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var s = spec.get();
    var envs = s.environments();
    several.set(envs != null);
    if (envs != null) {
      envs.list().forEach(e -> rows.add(new EnvironmentInput(e)));
      sharedLoadBalancer.set(envs.sharedLoadBalancer());
    }
    ApprovalTopic topic = envs == null ? null : envs.approvalTopic();
    topicName.set(topic != null && topic.name() != null ? topic.name() : defaultTopic(s));
    existingTopic.set(topic != null && topic.isExisting());
    topicArn.set(topic != null && topic.existingArn() != null ? topic.existingArn() : "");
    email.set(topic != null && topic.email() != null ? topic.email() : "");
    anyApproval = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> r.approval().get()), rows);
    several.addListener((o, was, on) -> {
      if (on && rows.isEmpty()) {
        SpecDefaults.withEnvironments(spec(), DEFAULT_NAMES).environments().list()
            .forEach(e -> rows.add(new EnvironmentInput(e)));
      }
    });
    fields("environments", "environments.sharedLoadBalancer", "environments.approvalTopic",
        "environments.approvalTopic.name", "environments.approvalTopic.existingArn",
        "environments.approvalTopic.email");
    watch(several, rows, sharedLoadBalancer, existingTopic, topicName, topicArn, email);
    update();
  }

  /** False: one environment, as in the tutorial (no environments section in the setup). */
  public BooleanProperty several() {
    return several;
  }

  /** The environments, in promotion order. */
  public ObservableList<EnvironmentInput> rows() {
    return rows;
  }

  public BooleanProperty sharedLoadBalancer() {
    return sharedLoadBalancer;
  }

  /** True: an existing topic's ARN; false: the setup creates the topic {@link #topicName()}. */
  public BooleanProperty existingTopic() {
    return existingTopic;
  }

  public StringProperty topicName() {
    return topicName;
  }

  public StringProperty topicArn() {
    return topicArn;
  }

  public StringProperty email() {
    return email;
  }

  /** True while some environment waits for an approval, so the topic matters. */
  public BooleanBinding anyApproval() {
    return anyApproval;
  }

  /** The setup's own value an environment's empty field stands for: tasks, CPU units or memory. */
  public int setupDesiredCount() {
    return spec().ecs().desiredCount();
  }

  public int setupCpu() {
    return spec().container().cpu();
  }

  public int setupMemory() {
    return spec().container().memory();
  }

  public boolean canAdd() {
    return rows.size() < Environments.MAX;
  }

  /**
   * Adds an environment last, named after the first of dev, test, qa, staging, prod… not taken, on a branch of
   * that name, with the first environment's sizes.
   */
  public void add() {
    if (!canAdd()) {
      return;
    }
    var taken = rows.stream().map(r -> r.name().get()).toList();
    String name = ADDED_NAMES.stream().filter(n -> !taken.contains(n)).findFirst().orElse("");
    var first = rows.isEmpty() ? null : rows.get(0).toEnvironment();
    var added = Environment.of(name, name, false);
    if (first != null) {
      added = added.withDesiredCount(first.desiredCount()).withSize(first.cpu(), first.memory());
    }
    rows.add(new EnvironmentInput(added));
  }

  public void remove(int index) {
    if (rows.size() > 1) {
      rows.remove(index);
    }
  }

  /** Moves the environment at {@code index} one place earlier in promotion order. */
  public void moveUp(int index) {
    if (index > 0 && index < rows.size()) {
      rows.add(index - 1, rows.remove(index));
    }
  }

  public void moveDown(int index) {
    if (index >= 0 && index + 1 < rows.size()) {
      rows.add(index + 1, rows.remove(index));
    }
  }

  /** The spec field of the environment in row {@code index}; with a column, that input's field. */
  public static String rowField(int index) {
    return "environments.list[" + index + "]";
  }

  public static String cellField(int index, String column) {
    return rowField(index) + "." + column;
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> inputProblems) {
    registerRows();
    if (!several.get()) {
      return base.withEnvironments(null);
    }
    List<Environment> list = rows.stream().map(EnvironmentInput::toEnvironment).toList();
    ApprovalTopic topic = null;
    if (list.stream().anyMatch(Environment::approval)) {
      String arn = topicArn.get().strip();
      if (existingTopic.get() && !arn.isEmpty()) {
        topic = new ApprovalTopic(null, arn, optional(email));
      } else {
        if (existingTopic.get()) {
          inputProblems.add(Problem.of("environments.approvalTopic.existingArn", null, "missing"));
        }
        topic = new ApprovalTopic(topicName.get().strip(), null, optional(email));
      }
    }
    return base.withEnvironments(new Environments(list, sharedLoadBalancer.get(), topic));
  }

  /** Each row shows its own problems; rows come and go, so they are registered before every check. */
  private void registerRows() {
    for (int i = 0; i < rows.size(); i++) {
      fields(rowField(i));
      for (String column : COLUMNS) {
        fields(cellField(i, column));
      }
    }
  }

  private static String defaultTopic(SetupSpec spec) {
    return spec.name() == null ? "" : spec.name() + "-approvals";
  }
}
