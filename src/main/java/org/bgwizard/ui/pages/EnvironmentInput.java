package org.bgwizard.ui.pages;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.Environment;

/**
 * One row of the Environments page: name, branch, the sizes (empty: the setup's) and the approval gate. Listener
 * ports are not edited here; a row keeps the ones its environment had.
 */
public final class EnvironmentInput {
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty branch = new SimpleStringProperty(this, "branch", "");
  private final StringProperty desiredCount = new SimpleStringProperty(this, "desiredCount", "");
  private final StringProperty cpu = new SimpleStringProperty(this, "cpu", "");
  private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
  private final BooleanProperty approval = new SimpleBooleanProperty(this, "approval");
  private final Integer productionPort;
  private final Integer testPort;

  EnvironmentInput(Environment e) {
    name.set(text(e.name()));
    branch.set(text(e.branch()));
    desiredCount.set(text(e.desiredCount()));
    cpu.set(text(e.cpu()));
    memory.set(text(e.memory()));
    approval.set(e.approval());
    productionPort = e.productionPort();
    testPort = e.testPort();
  }

  public StringProperty name() {
    return name;
  }

  public StringProperty branch() {
    return branch;
  }

  /** Tasks of its service; empty: the setup's desired count. */
  public StringProperty desiredCount() {
    return desiredCount;
  }

  /** Fargate CPU units; empty: the setup's. */
  public StringProperty cpu() {
    return cpu;
  }

  /** Fargate memory in MiB; empty: the setup's. */
  public StringProperty memory() {
    return memory;
  }

  /** A manual approval before its pipeline builds. */
  public BooleanProperty approval() {
    return approval;
  }

  Environment toEnvironment() {
    return new Environment(name.get().strip(), branch.get().strip(), number(desiredCount), number(cpu),
        number(memory), approval.get(), productionPort, testPort);
  }

  Observable[] observables() {
    return new Observable[] {name, branch, desiredCount, cpu, memory, approval};
  }

  private static Integer number(StringProperty text) {
    String typed = text.get() == null ? "" : text.get().strip();
    return typed.matches("\\d{1,9}") ? Integer.valueOf(typed) : null;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
