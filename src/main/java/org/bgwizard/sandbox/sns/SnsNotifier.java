package org.bgwizard.sandbox.sns;

import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** SNS's Publish as another service calls it inside the account (CodePipeline's approval notifications). */
public final class SnsNotifier implements Ports.Notifier {
  private final SnsEngine engine;

  public SnsNotifier(SnsEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<String> publish(String topicArn, String subject, String message, String structure) {
    try {
      engine.publish(topicArn, subject, message, null, structure);
      return Optional.empty();
    } catch (AwsServiceException e) {
      return Optional.of(e.awsErrorDetails().errorMessage());
    }
  }
}
