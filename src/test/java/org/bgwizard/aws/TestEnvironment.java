package org.bgwizard.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** An {@link AwsEnvironment} made of explicit parts, so tests never read or change the machine's AWS setup. */
record TestEnvironment(Supplier<ProfileFile> profiles, Function<String, AwsCredentialsProvider> credentialsFor,
    String region) implements AwsEnvironment {

  /** AWS's documented example key pair: obviously not a real account's. */
  static final AwsCredentialsProvider FAKE_KEYS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

  static TestEnvironment withFakeKeys(String region) {
    return new TestEnvironment(() -> ProfileFile.aggregator().build(), profile -> FAKE_KEYS, region);
  }

  /** Credentials as the SDK would look for them in an empty credentials file, and nowhere else. */
  static TestEnvironment withoutCredentials(Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("credentials"), "");
    ProfileFile file = ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build();
    return new TestEnvironment(() -> file, profile -> AwsCredentialsProviderChain.of(
        ProfileCredentialsProvider.builder().profileFile(file).profileName("default").build()), "us-east-1");
  }

  TestEnvironment withCredentials(AwsCredentialsProvider provider) {
    return new TestEnvironment(profiles, profile -> provider, region);
  }

  TestEnvironment withProfiles(ProfileFile file) {
    return withProfiles(() -> file);
  }

  TestEnvironment withProfiles(Supplier<ProfileFile> files) {
    return new TestEnvironment(files, credentialsFor, region);
  }

  @Override
  public ProfileFile profileFile() {
    return profiles.get();
  }

  @Override
  public AwsCredentialsProvider credentials(String profile) {
    return credentialsFor.apply(profile);
  }

  /** As with no AWS_PROFILE set. */
  @Override
  public String defaultProfileName() {
    return "default";
  }

  @Override
  public Optional<String> defaultRegion(String profile) {
    return Optional.ofNullable(region);
  }
}
