package org.bgwizard.ui.wizard;

import java.util.Optional;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.DefaultChain;

/**
 * Connects to where the user chose to work and says who the calls run as; slow, so never on the FX thread. The
 * caller closes the workspace it gets.
 */
@FunctionalInterface
public interface Connector {
  Workspace connect(Connection connection) throws Exception;

  /** What the SDK's default credential chain finds, if anything; slow, so never on the FX thread either. */
  default Optional<DefaultChain> defaultChain() {
    return Optional.empty();
  }
}
