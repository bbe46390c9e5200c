package org.bgwizard.provision;

import java.util.Locale;
import java.util.Optional;
import org.bgwizard.catalogue.Catalogue;
import org.bgwizard.catalogue.CatalogueEntry;

/**
 * Why a step failed, in the terms the user needs: which step and resource, what AWS said (code, message, request
 * id), how many attempts were made, and the failure catalogue's cause and fix when its text matches.
 *
 * @param cliEquivalent the failed step's CLI command; null for deletes
 * @param attempts how many times the failing call was tried (more than 1 after transient errors ran out)
 * @param error what was thrown, for logs
 */
public record ProvisionError(ResourceRef resource, Action action, String cliEquivalent, ErrorDetails details,
    int attempts, Optional<CatalogueEntry> diagnosis, Throwable error) {

  public enum Action { APPLY, DELETE }

  static ProvisionError of(ResourceRef resource, Action action, String cliEquivalent, Throwable error,
      ErrorDescriber describer) {
    int attempts = error instanceof RetriesExhaustedException exhausted ? exhausted.attempts() : 1;
    ErrorDetails details = details(error, describer);
    return new ProvisionError(resource, action, cliEquivalent, details, attempts, Catalogue.match(details.message()),
        error);
  }

  /** What AWS said; for retries that ran out, about the last attempt. */
  static ErrorDetails details(Throwable error, ErrorDescriber describer) {
    return describer.describe(error instanceof RetriesExhaustedException ? error.getCause() : error);
  }

  /** One line: "CODE: message". */
  static String line(Throwable error, ErrorDescriber describer) {
    ErrorDetails details = details(error, describer);
    return (details.code() == null ? "" : details.code() + ": ") + details.message();
  }

  /** A few lines for the CLI and the GUI's error panel. */
  public String describe(Locale locale) {
    var out = new StringBuilder(action == Action.APPLY ? "Creating " : "Deleting ").append(resource)
        .append(" failed");
    if (attempts > 1) {
      out.append(" after ").append(attempts).append(" attempts");
    }
    out.append(":\n  ");
    if (details.code() != null) {
      out.append(details.code()).append(": ");
    }
    out.append(details.message());
    if (details.requestId() != null) {
      out.append(" (request id ").append(details.requestId()).append(')');
    }
    diagnosis.ifPresent(row -> out.append("\n  Likely cause (failure catalogue row ").append(row.row()).append("): ")
        .append(row.cause(locale)).append("\n  Fix: ").append(row.fix(locale)));
    if (cliEquivalent != null) {
      out.append("\n  The same by hand: ").append(cliEquivalent);
    }
    return out.toString();
  }
}
