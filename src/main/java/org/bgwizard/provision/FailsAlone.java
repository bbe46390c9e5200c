package org.bgwizard.provision;

/**
 * Thrown by a step whose failure should stop only the steps after it: apply goes on with everything that does not
 * depend on it, as teardown does. The engine reports the cause, never this wrapper. A plan uses it for a step it
 * could not decide beforehand (its resource could not be looked at), so that one refusal does not hold up the rest.
 */
public final class FailsAlone extends Exception {
  public FailsAlone(Throwable cause) {
    super(cause.getMessage(), cause, false, false);
  }
}
