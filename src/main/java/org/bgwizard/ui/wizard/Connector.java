package org.bgwizard.ui.wizard;

import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Identity;

/** Connects to where the user chose to work and says who the calls run as; slow, so never on the FX thread. */
@FunctionalInterface
public interface Connector {
  Identity connect(Connection connection) throws Exception;
}
