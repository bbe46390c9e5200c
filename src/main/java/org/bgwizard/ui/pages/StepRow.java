package org.bgwizard.ui.pages;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.StepState;
import org.bgwizard.provision.steps.SetupPlan;
import org.bgwizard.ui.common.Messages;

/**
 * One resource of a run on the Create page: what it is (after the environment it belongs to, in a setup with
 * environments), where its step is, and its last message.
 */
public final class StepRow {
  private final ResourceRef ref;
  private final String label;
  private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(this, "state", StepState.WAITING);
  private final StringProperty detail = new SimpleStringProperty(this, "detail", "");

  StepRow(ResourceRef ref, Messages messages) {
    this(ref, "", messages);
  }

  /** {@code prefix}: the environment's label ({@link #environmentPrefix}), or empty. */
  StepRow(ResourceRef ref, String prefix, Messages messages) {
    this.ref = ref;
    this.label = prefix + resourceLabel(ref, messages);
  }

  /** "IAM role demo-codebuild", with the kind in the user's language. */
  static String resourceLabel(ResourceRef ref, Messages messages) {
    return messages.format("resource.label", messages.get("resource." + ref.kind()), ref.name());
  }

  /**
   * "[dev] ", or "[shared] " for what every environment has, before a resource of a setup with environments; empty
   * in a setup without.
   */
  static String environmentPrefix(SetupPlan plan, ResourceRef ref, Messages messages) {
    var names = plan.environments(ref);
    if (names.isEmpty()) {
      return "";
    }
    var spec = plan.spec();
    boolean all = spec.environments().list().size() > 1 && names.containsAll(spec.environments().names());
    return messages.format("plan.environment", all ? messages.get("plan.environment.shared")
        : String.join(", ", names));
  }

  public ResourceRef ref() {
    return ref;
  }

  public String label() {
    return label;
  }

  public ObjectProperty<StepState> state() {
    return state;
  }

  public StringProperty detail() {
    return detail;
  }
}
