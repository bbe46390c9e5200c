package org.bgwizard.deploy;

/** Whether the last refresh reached AWS; the message says why not. */
public record ConnectionState(Kind kind, String message) {
  public enum Kind { CONNECTING, OK, THROTTLED, FAILED }

  public static final ConnectionState CONNECTING = new ConnectionState(Kind.CONNECTING, "");
  public static final ConnectionState OK = new ConnectionState(Kind.OK, "");
}
