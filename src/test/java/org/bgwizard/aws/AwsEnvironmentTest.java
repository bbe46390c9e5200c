package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** The app's credentials come from the SDK's own providers; nothing is resolved or read here. */
class AwsEnvironmentTest {

  @Test
  void namedProfile_usesOnlyThatProfile_andNoProfile_usesTheDefaultChain() {
    AwsEnvironment sdk = AwsEnvironment.sdk();

    assertInstanceOf(ProfileCredentialsProvider.class, sdk.credentials("dev"));
    assertInstanceOf(DefaultCredentialsProvider.class, sdk.credentials(null));
  }
}
