package org.bgwizard.ui.wizard;

import org.bgwizard.aws.Connection;

/**
 * Connects to where the user chose to work and says who the calls run as; slow, so never on the FX thread. The
 * caller closes the workspace it gets.
 */
@FunctionalInterface
public interface Connector {
  Workspace connect(Connection connection) throws Exception;
}
