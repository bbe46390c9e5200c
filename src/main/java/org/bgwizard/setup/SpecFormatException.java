package org.bgwizard.setup;

/** A setup file that cannot be read: the message says where and what would be accepted. */
public class SpecFormatException extends Exception {
  public SpecFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
