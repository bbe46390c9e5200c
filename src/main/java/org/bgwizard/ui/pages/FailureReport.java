package org.bgwizard.ui.pages;

import java.util.List;
import java.util.Optional;
import org.bgwizard.provision.ProvisionError;
import org.bgwizard.ui.common.Messages;

/** A run's failures as the Create page explains them. */
final class FailureReport {
  private FailureReport() {}

  /** Per failed step: which, what AWS said, the catalogue's cause and fix, the same call by hand. */
  static String describe(List<ProvisionError> failures, Messages messages) {
    var out = new StringBuilder();
    for (ProvisionError f : failures) {
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      String what = StepRow.resourceLabel(f.resource(), messages);
      out.append(messages.format(f.action() == ProvisionError.Action.APPLY ? "create.failed.create"
          : "create.failed.delete", what, f.attempts()));
      String code = Optional.ofNullable(f.details().code()).orElse("-");
      out.append('\n').append(f.details().requestId() == null
          ? messages.format("create.failed.aws", code, f.details().message())
          : messages.format("create.failed.awsWithRequest", code, f.details().message(), f.details().requestId()));
      f.diagnosis().ifPresent(row -> out.append('\n').append(messages.format("create.failed.diagnosis", row.row(),
          row.cause(messages.locale()), row.fix(messages.locale()))));
      if (f.cliEquivalent() != null) {
        out.append('\n').append(messages.format("create.failed.cli", f.cliEquivalent()));
      }
    }
    return out.toString();
  }
}
