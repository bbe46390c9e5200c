package org.bgwizard.aws;

/**
 * One profile of the user's AWS config and credentials files, without any secret: how it signs in, its
 * region, and for SSO profiles the portal and role (from the profile or its {@code [sso-session]}). Fields that
 * the profile does not set are null.
 */
public record ProfileSummary(String name, SignIn signIn, String region, String ssoStartUrl, String ssoRegion,
    String ssoAccountId, String ssoRoleName) {

  public enum SignIn {
    /** IAM Identity Center: needs {@code aws sso login}. */
    SSO,
    /** Assumes a role from another profile or credential source. */
    ASSUME_ROLE,
    /** Runs an external {@code credential_process}. */
    PROCESS,
    /** A web identity token file. */
    WEB_IDENTITY,
    /** Console sign-in ({@code aws login}). */
    LOGIN,
    /** Long-lived access keys in the file. */
    ACCESS_KEYS,
    /** Nothing to sign in with (for example a profile that only sets a region). */
    NONE
  }
}
