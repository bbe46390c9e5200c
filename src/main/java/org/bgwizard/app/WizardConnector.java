package org.bgwizard.app;

import java.time.Clock;
import org.bgwizard.aws.AwsClientSettings;
import org.bgwizard.aws.AwsClients;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.Identity;
import org.bgwizard.sandbox.Sandbox;
import org.bgwizard.ui.wizard.Connector;

/** The wizard's Start page connection: STS GetCallerIdentity against the simulated account or a real one. */
final class WizardConnector implements Connector {
  @Override
  public Identity connect(Connection connection) {
    if (connection.mode() == Connection.Mode.SANDBOX) {
      String region = connection.region() == null ? Sandbox.DEFAULT_REGION : connection.region();
      var me = Sandbox.inMemory(region, Clock.systemUTC()).sts().getCallerIdentity();
      return new Identity(me.account(), me.arn(), true);
    }
    try (var clients = AwsClients.real(connection, AwsClientSettings.defaults())) {
      return clients.whoAmI();
    }
  }
}
