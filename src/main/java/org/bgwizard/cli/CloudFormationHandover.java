package org.bgwizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.Journal;

/** Apply and teardown leave a setup alone once a CloudFormation stack manages it; status says so. */
final class CloudFormationHandover {
  private CloudFormationHandover() {}

  static Optional<StackMarker> marker(Journal journal) throws IOException {
    return StackMarker.read(journal.file());
  }

  /** True (and why on {@code err}) when a stack manages the setup of {@code journal}. */
  static boolean refuses(String command, Journal journal, PrintWriter err) throws IOException {
    Optional<StackMarker> marker = marker(journal);
    marker.ifPresent(m -> err.println("error: " + m.refusal(command)));
    return marker.isPresent();
  }
}
