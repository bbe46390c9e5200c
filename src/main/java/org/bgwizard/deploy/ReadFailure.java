package org.bgwizard.deploy;

/** A read the AWS side refused or could not answer; {@code throttled} when it asked us to slow down. */
public final class ReadFailure extends RuntimeException {
  private final boolean throttled;

  public ReadFailure(String message, boolean throttled, Throwable cause) {
    super(message, cause);
    this.throttled = throttled;
  }

  public boolean throttled() {
    return throttled;
  }
}
