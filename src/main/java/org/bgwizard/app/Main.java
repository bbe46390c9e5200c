package org.bgwizard.app;

/** The one entry point: no arguments opens the wizard window, a command runs headless. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
