package org.bgwizard.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What only the simulated account offers: steps that on AWS happen outside the API. Each is labelled simulated
 * wherever it is offered.
 */
public interface SimulatedAccount {
  /** The simulated account's id (the sandbox's own, which a test keeps equal). */
  String ACCOUNT_ID = "123456789012";

  /** Makes the account a new AWS customer, to whom CodeCommit refuses a first repository (catalogue row 28). */
  void newCustomer(boolean newCustomer);

  /** Whether the account acts as a new AWS customer. */
  boolean isNewCustomer();

  /** The console's part of a connection handshake, for every PENDING connection; returns their ARNs. */
  List<String> completeConnectionHandshakes();

  /** A {@code git push} of {@code files} to {@code branch} of {@code owner/repo} at GitHub, GitLab or Bitbucket. */
  String pushToProvider(String fullRepositoryId, String branch, Map<String, String> files, String message);

  /** An e-mail in the simulated inbox (SNS sends no real mail from the simulated account). */
  record Mail(Instant at, String topicArn, String recipient, String subject, String body) {}

  /** The simulated inbox: every e-mail SNS sent (subscription confirmations, approval requests), oldest first. */
  default List<Mail> inbox() {
    return List.of();
  }

  /** The recipients' part of e-mail subscriptions: every pending one confirmed; returns their ARNs. */
  default List<String> confirmEmailSubscriptions() {
    return List.of();
  }

  /** Simulated seconds per real second, when simulated time runs by itself (the app's); empty on a test's clock. */
  OptionalDouble speed();

  /** Changes the speed from now on; simulated time goes on from where it is, without a jump. */
  void speed(double speed);
}
