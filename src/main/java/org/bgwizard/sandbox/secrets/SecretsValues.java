package org.bgwizard.sandbox.secrets;

import java.util.Optional;
import org.bgwizard.sandbox.core.Ports;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** {@link Ports.Secrets} over the Secrets Manager engine: what a build's {@code env: secrets-manager:} reads. */
public final class SecretsValues implements Ports.Secrets {
  private final SecretsEngine engine;

  public SecretsValues(SecretsEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Secret> secret(String secretId) {
    try {
      SecretsState.Version v = engine.value(secretId, null, null);
      return Optional.of(new Secret(engine.find(secretId).arn, v.binary ? null : engine.reveal(v)));
    } catch (AwsServiceException e) {
      return Optional.empty();
    }
  }
}
