package org.bgwizard.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where credentials, regions and profiles come from: the SDK's own defaults in the app ({@link #sdk()}),
 * explicit fakes in tests, so no test depends on or changes the machine's AWS configuration.
 */
interface AwsEnvironment {

  /** The user's config and credentials files, merged as the SDK and CLI merge them. */
  ProfileFile profileFile();

  /** Credentials of a named profile (SSO profiles included), or of the default chain when {@code profile} is null. */
  AwsCredentialsProvider credentials(String profile);

  /** The profile the SDK uses when none is named: {@code aws.profile}, {@code AWS_PROFILE}, else {@code default}. */
  String defaultProfileName();

  /** The region the SDK's chain finds (environment, system property, the profile's {@code region}), if any. */
  Optional<String> defaultRegion(String profile);

  static AwsEnvironment sdk() {
    return new AwsEnvironment() {
      @Override
      public ProfileFile profileFile() {
        return ProfileFile.defaultProfileFile();
      }

      @Override
      public AwsCredentialsProvider credentials(String profile) {
        return profile == null ? DefaultCredentialsProvider.builder().build() : ProfileCredentialsProvider.create(profile);
      }

      @Override
      public String defaultProfileName() {
        return ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
      }

      @Override
      public Optional<String> defaultRegion(String profile) {
        try {
          return Optional.of(DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion().id());
        } catch (SdkClientException e) {
          // "Unable to load region from any of the providers in the chain" (AwsRegionProviderChain, 2.40.2)
          return Optional.empty();
        }
      }

    };
  }
}
