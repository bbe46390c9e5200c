package org.bgwizard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Where a command reads its answers, and whether a person is there to give them. */
public interface Terminal {

  /**
   * Whether a person can answer: the JVM has a console (stdin and stdout are a terminal). A pipe or a closed stdin
   * is not one: a question there would be answered by whatever the script feeds it.
   */
  boolean interactive();

  /** The next line typed; null at the end of input. */
  String readLine() throws IOException;

  /** The process's own stdin; interactive when the JVM has a console. */
  static Terminal system() {
    return new Terminal() {
      private BufferedReader in;

      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public synchronized String readLine() throws IOException {
        if (in == null) {
          in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return in.readLine();
      }
    };
  }
}
