package org.bgwizard.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * What the SDK's default credential chain finds on this machine, as the AWS CLI would without {@code --profile}:
 * credentials from somewhere (environment, {@code AWS_PROFILE} or the default profile, SSO, web identity, a container
 * or instance role), and the region of the region chain if it has one (null otherwise). Finding them calls no AWS
 * service, but may ask the instance metadata service, so it is slow off EC2: never on the FX thread. Nothing secret is
 * kept.
 */
public record DefaultChain(String region) {

  public static Optional<DefaultChain> find() {
    return find(AwsEnvironment.sdk());
  }

  static Optional<DefaultChain> find(AwsEnvironment environment) {
    AwsCredentialsProvider chain = environment.credentials(null);
    try {
      chain.resolveCredentials();
      return Optional.of(new DefaultChain(environment.defaultRegion(null).orElse(null)));
    } catch (RuntimeException e) {
      // "Unable to load credentials from any of the providers in the chain", an expired SSO session, a malformed
      // file: the chain has nothing to offer, and the profiles list says the rest
      return Optional.empty();
    } finally {
      if (chain instanceof SdkAutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
