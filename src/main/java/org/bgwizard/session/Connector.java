package org.bgwizard.session;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bgwizard.aws.Connection;
import org.bgwizard.aws.DefaultChain;
import org.bgwizard.aws.ProfileSummary;

/**
 * Opens sessions where the user chose to work, and says who the calls run as; slow, so never on the FX thread. The
 * caller closes the session it gets.
 */
@FunctionalInterface
public interface Connector {
  Session connect(Connection connection) throws Exception;

  /** What the SDK's default credential chain finds, if anything; slow, so never on the FX thread either. */
  default Optional<DefaultChain> defaultChain() {
    return Optional.empty();
  }

  /** The profiles of the user's AWS files; may throw a ConnectionProblem for a malformed one. */
  default List<ProfileSummary> profiles() {
    return List.of();
  }

  /** For builds without provisioning: every connection says so. */
  Connector NONE = connection -> {
    throw new IOException("This build of the app cannot connect to AWS");
  };
}
