package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.Problem;
import org.bgwizard.setup.SetupSpec;

/** The pipeline, its artifact bucket, and the optional approval stage. */
public final class PipelineViewModel extends PageModel {
  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty artifactBucket = new SimpleStringProperty(this, "artifactBucket");
  private final BooleanProperty manualApproval = new SimpleBooleanProperty(this, "manualApproval");
  private final StringProperty approvalTopicArn = new SimpleStringProperty(this, "approvalTopicArn");

  public PipelineViewModel(ObjectProperty<SetupSpec> spec, Locale locale) {
    super(spec, locale);
    var p = spec.get().pipeline();
    name.set(text(p.name()));
    artifactBucket.set(text(p.artifactBucket()));
    manualApproval.set(p.manualApproval());
    approvalTopicArn.set(text(p.approvalTopicArn()));
    fields("pipeline.name", "pipeline.artifactBucket", "pipeline.approvalTopicArn");
    watch(name, artifactBucket, manualApproval, approvalTopicArn);
    update();
  }

  public StringProperty name() {
    return name;
  }

  /** Empty: the bucket is named {@code <setup>-artifacts-<account id>} when it is created. */
  public StringProperty artifactBucket() {
    return artifactBucket;
  }

  public BooleanProperty manualApproval() {
    return manualApproval;
  }

  /** Used only with the approval stage; kept while it is off so that turning it on again restores it. */
  public StringProperty approvalTopicArn() {
    return approvalTopicArn;
  }

  public String setupName() {
    return spec().name();
  }

  @Override
  protected SetupSpec apply(SetupSpec base, List<Problem> found) {
    return base.withPipeline(new Pipeline(name.get(), optional(artifactBucket), manualApproval.get(),
        manualApproval.get() ? optional(approvalTopicArn) : null));
  }
}
