package org.bgwizard.aws;

import java.util.List;
import java.util.Map;

/**
 * What only the simulated account offers: steps that on AWS happen outside the API. Each is labelled simulated
 * wherever it is offered.
 */
public interface SimulatedAccount {
  /** The simulated account's id (the sandbox's own, which a test keeps equal). */
  String ACCOUNT_ID = "123456789012";

  /** Makes the account a new AWS customer, to whom CodeCommit refuses a first repository (catalogue row 28). */
  void newCustomer(boolean newCustomer);

  /** The console's part of a connection handshake, for every PENDING connection; returns their ARNs. */
  List<String> completeConnectionHandshakes();

  /** A {@code git push} of {@code files} to {@code branch} of {@code owner/repo} at GitHub, GitLab or Bitbucket. */
  String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message);
}
