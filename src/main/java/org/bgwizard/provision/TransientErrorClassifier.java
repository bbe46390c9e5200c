package org.bgwizard.provision;

import org.bgwizard.catalogue.Catalogue;

/**
 * Says whether a failed call may be retried. The aws package implements it from SDK exceptions: throttling error
 * codes, the IAM propagation texts of catalogue rows 15 and 14 ({@link #isIamPropagation},
 * {@link #isServiceLinkedRolePropagation}) and a security group not yet visible (row 32, {@link #isNotYetVisible}).
 */
@FunctionalInterface
public interface TransientErrorClassifier {

  enum Kind {
    /** The service asked us to slow down. */
    THROTTLING,
    /** A role created moments ago is not yet visible to the service that should assume it (catalogue row 15). */
    PROPAGATION,
    /**
     * A resource created moments ago is not yet visible to other calls (EC2 eventual consistency, catalogue row
     * 32). Retried while applying only: to a delete, "not found" means gone.
     */
    NOT_YET_VISIBLE,
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

  /**
   * True when {@code message} is catalogue row 14's: a new account's first ECS call right after
   * CreateServiceLinkedRole, while the role propagates (aws/containers-roadmap #2614).
   */
  static boolean isServiceLinkedRolePropagation(String message) {
    return Catalogue.match(message).filter(entry -> entry.row() == 14).isPresent();
  }

  /** True when {@code message} says a security group does not exist (catalogue row 32). */
  static boolean isNotYetVisible(String message) {
    return Catalogue.match(message).filter(entry -> entry.row() == 32).isPresent();
  }
}
