package org.bgwizard.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles a user can pick on the Start page, read the way the SDK and the AWS CLI read them
 * ({@link ProfileFile#defaultProfileFile()}: {@code ~/.aws/config} and {@code ~/.aws/credentials}, or the files
 * {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE} name). Only names and settings are kept; a
 * secret is only ever tested for presence.
 */
public final class ProfileCatalog {
  private static final String SSO_SESSION_PROPERTY = "sso_session";
  private static final String SSO_SESSION_SECTION = "sso-session";

  private final List<ProfileSummary> profiles;

  private ProfileCatalog(List<ProfileSummary> profiles) {
    this.profiles = profiles;
  }

  /** Reads the user's files now; a malformed one is a ConnectionProblem of kind PROFILE_FILE_INVALID. */
  public static ProfileCatalog load() {
    return read(ProfileFile::defaultProfileFile);
  }

  static ProfileCatalog read(Supplier<ProfileFile> files) {
    return of(ConnectionProblems.readProfiles(files));
  }

  static ProfileCatalog of(ProfileFile file) {
    return new ProfileCatalog(file.profiles().values().stream()
        .map(profile -> summarise(file, profile))
        .sorted(Comparator.comparing((ProfileSummary p) -> !p.name().equals("default"))
            .thenComparing(ProfileSummary::name))
        .toList());
  }

  /** All profiles, {@code default} first, then by name. */
  public List<ProfileSummary> profiles() {
    return profiles;
  }

  public Optional<ProfileSummary> find(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static ProfileSummary summarise(ProfileFile file, Profile profile) {
    Optional<Profile> session = profile.property(SSO_SESSION_PROPERTY)
        .flatMap(name -> file.getSection(SSO_SESSION_SECTION, name));
    return new ProfileSummary(profile.name(), signIn(profile), value(profile, ProfileProperty.REGION),
        value(profile, ProfileProperty.SSO_START_URL, session),
        value(profile, ProfileProperty.SSO_REGION, session),
        value(profile, ProfileProperty.SSO_ACCOUNT_ID),
        value(profile, ProfileProperty.SSO_ROLE_NAME));
  }

  private static ProfileSummary.SignIn signIn(Profile p) {
    if (has(p, ProfileProperty.SSO_START_URL) || has(p, SSO_SESSION_PROPERTY)) {
      return ProfileSummary.SignIn.SSO;
    }
    if (has(p, ProfileProperty.ROLE_ARN)) {
      return ProfileSummary.SignIn.ASSUME_ROLE;
    }
    if (has(p, ProfileProperty.CREDENTIAL_PROCESS)) {
      return ProfileSummary.SignIn.PROCESS;
    }
    if (has(p, ProfileProperty.WEB_IDENTITY_TOKEN_FILE)) {
      return ProfileSummary.SignIn.WEB_IDENTITY;
    }
    if (has(p, ProfileProperty.LOGIN_SESSION)) {
      return ProfileSummary.SignIn.LOGIN;
    }
    return has(p, ProfileProperty.AWS_ACCESS_KEY_ID) ? ProfileSummary.SignIn.ACCESS_KEYS : ProfileSummary.SignIn.NONE;
  }

  private static boolean has(Profile p, String property) {
    return p.property(property).filter(v -> !v.isBlank()).isPresent();
  }

  private static String value(Profile p, String property) {
    return value(p, property, Optional.empty());
  }

  /** The profile's own value, else the one in its {@code [sso-session]} section. */
  private static String value(Profile p, String property, Optional<Profile> session) {
    return p.property(property).or(() -> session.flatMap(s -> s.property(property)))
        .filter(v -> !v.isBlank()).orElse(null);
  }
}
