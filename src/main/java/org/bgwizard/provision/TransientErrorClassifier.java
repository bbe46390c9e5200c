package org.bgwizard.provision;

import org.bgwizard.catalogue.Catalogue;

/**
 * Says whether a failed call may be retried. The aws package implements it from SDK exceptions: throttling error
 * codes, and the IAM propagation texts of catalogue row 15 ({@link #isIamPropagation}).
 */
@FunctionalInterface
public interface TransientErrorClassifier {

  enum Kind {
    /** The service asked us to slow down. */
    THROTTLING,
    /** A role created moments ago is not yet visible to the service that should assume it (catalogue row 15). */
    PROPAGATION,
    /**
     * Still held by something that is going away (a listener being deleted, tasks stopping): retried while deleting
     * only, within the same bound.
     */
    IN_USE,
    /** Anything else: never retried. */
    PERMANENT
  }

  Kind classify(Throwable error);

  TransientErrorClassifier NOTHING_TRANSIENT = error -> Kind.PERMANENT;

  /** True when {@code message} is one of the "cannot assume the role" texts of catalogue row 15. */
  static boolean isIamPropagation(String message) {
    return Catalogue.match(message).filter(entry -> entry.row() == 15).isPresent();
  }
}
