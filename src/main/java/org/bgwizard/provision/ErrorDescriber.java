package org.bgwizard.provision;

/** Reads what AWS said out of a thrown error. The aws package implements it over SDK exceptions. */
public interface ErrorDescriber {

  /** Describes any error: the message of a non-AWS error, with null code and request id. */
  ErrorDescriber PLAIN = error -> new ErrorDetails(null, String.valueOf(error.getMessage()), null);

  ErrorDetails describe(Throwable error);

  /** Whether {@code error} says the resource does not exist: teardown then counts the delete as done. */
  default boolean isNotFound(Throwable error) {
    return false;
  }
}
