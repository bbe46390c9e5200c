package org.bgwizard.ui.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bgwizard.setup.AwsChoices;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Ecs;
import org.bgwizard.setup.Fargate;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** The cluster, the service, its task size and its logs. Memory is offered only in sizes the CPU allows. */
public final class EcsViewModel extends PageModel {
  private final StringProperty cluster = new SimpleStringProperty(this, "cluster");
  private final BooleanProperty existingCluster = new SimpleBooleanProperty(this, "existingCluster");
  private final StringProperty service = new SimpleStringProperty(this, "service");
  private final StringProperty taskFamily = new SimpleStringProperty(this, "taskFamily");
  private final ObjectProperty<Integer> cpu = new SimpleObjectProperty<>(this, "cpu");
  private final ObjectProperty<Integer> memory = new SimpleObjectProperty<>(this, "memory");
  private final ObservableList<Integer> memoryChoices = FXCollections.observableArrayList();
  private final StringProperty desiredCount = new SimpleStringProperty(this, "desiredCount");
  private final StringProperty healthCheckGracePeriod = new SimpleStringProperty(this, "healthCheckGracePeriod");
  private final StringProperty logGroup = new SimpleStringProperty(this, "logGroup");
  private final ObjectProperty<Integer> logRetentionDays = new SimpleObjectProperty<>(this, "logRetentionDays");

  public EcsViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var ecs = spec.get().ecs();
    var c = spec.get().container();
    cluster.set(text(ecs.cluster()));
    existingCluster.set(ecs.existingCluster());
    service.set(text(ecs.service()));
    taskFamily.set(text(ecs.taskFamily()));
    cpu.set(c.cpu());
    memory.set(c.memory());
    memoryChoices.setAll(Fargate.memoryValues(c.cpu()));
    desiredCount.set(text(ecs.desiredCount()));
    healthCheckGracePeriod.set(ecs.healthCheckGracePeriodSeconds() == null ? ""
        : text(ecs.healthCheckGracePeriodSeconds()));
    logGroup.set(text(ecs.logGroup()));
    logRetentionDays.set(ecs.logRetentionDays());
    fields("ecs.cluster", "ecs.service", "ecs.taskFamily", "container.cpu", "container.memory", "ecs.desiredCount",
        "ecs.healthCheckGracePeriodSeconds", "ecs.logGroup", "ecs.logRetentionDays");
    cpu.addListener((obs, old, now) -> offerMemoryFor(now));
    watch(cluster, existingCluster, service, taskFamily, cpu, memory, desiredCount, healthCheckGracePeriod, logGroup,
        logRetentionDays);
    update();
  }

  public static List<Integer> cpuChoices() {
    return Fargate.cpuValues();
  }

  public static List<Integer> logRetentionChoices() {
    return AwsChoices.LOG_RETENTION_DAYS;
  }

  public StringProperty cluster() {
    return cluster;
  }

  /** The cluster is the user's own: the wizard neither creates nor deletes it. */
  public BooleanProperty existingCluster() {
    return existingCluster;
  }

  public StringProperty service() {
    return service;
  }

  public StringProperty taskFamily() {
    return taskFamily;
  }

  public ObjectProperty<Integer> cpu() {
    return cpu;
  }

  public ObjectProperty<Integer> memory() {
    return memory;
  }

  /** The memory sizes Fargate accepts with the chosen CPU, and only those. */
  public ObservableList<Integer> memoryChoices() {
    return memoryChoices;
  }

  public StringProperty desiredCount() {
    return desiredCount;
  }

  /** Seconds; empty: not set, AWS's default 0 applies. */
  public StringProperty healthCheckGracePeriod() {
    return healthCheckGracePeriod;
  }

  public StringProperty logGroup() {
    return logGroup;
  }

  public ObjectProperty<Integer> logRetentionDays() {
    return logRetentionDays;
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    var ecs = base.ecs();
    var c = base.container();
    int count = number(desiredCount, ecs.desiredCount(), "ecs.desiredCount", found);
    return base
        .withEcs(new Ecs(cluster.get(), existingCluster.get(), service.get(), taskFamily.get(), count, logGroup.get(),
            chosen(logRetentionDays, ecs.logRetentionDays(), "ecs.logRetentionDays", found),
            optionalNumber(healthCheckGracePeriod)))
        .withContainer(new Container(c.name(), c.port(), chosen(cpu, c.cpu(), "container.cpu", found),
            chosen(memory, c.memory(), "container.memory", found), c.architecture(), c.environment(),
            c.healthCheckPath(), c.initialImage()));
  }

  /** Memory follows the CPU: the chosen size if still allowed, else the nearest allowed one. */
  private void offerMemoryFor(Integer newCpu) {
    Integer current = memory.get();
    var allowed = newCpu == null ? List.<Integer>of() : Fargate.memoryValues(newCpu);
    // a choice list may drop its value when its items change, so the value is set after them
    memoryChoices.setAll(allowed);
    if (allowed.contains(current) || allowed.isEmpty()) {
      memory.set(current);
    } else {
      int wanted = current == null ? 0 : current;
      memory.set(allowed.stream().min(Comparator.comparingInt(m -> Math.abs(m - wanted))).orElseThrow());
    }
  }

  private static int chosen(ObjectProperty<Integer> choice, int current, String field, List<Problem> found) {
    if (choice.get() == null) {
      found.add(Problem.of(field, null, "missing"));
      return current;
    }
    return choice.get();
  }
}
