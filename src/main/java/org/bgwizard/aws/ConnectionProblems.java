package org.bgwizard.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bgwizard.aws.ConnectionProblem.Kind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Maps what the first call (STS GetCallerIdentity) threw to a {@link ConnectionProblem}. The texts and classes
 * below are the ones SDK 2.40.2 throws (read from its jars) or that AWS answers (cited issues).
 */
final class ConnectionProblems {

  /**
   * Client side, before any request: AwsCredentialsProviderChain "Unable to load credentials from any of the
   * providers in the chain"; ProfileCredentialsProvider "Profile file contained no credentials for profile";
   * the environment/system-property providers "Access key must be specified" (full chain text quoted in
   * aws/aws-msk-iam-auth#195).
   */
  private static final List<String> NO_CREDENTIALS_TEXTS = List.of("Unable to load credentials",
      "Profile file contained no credentials", "Access key must be specified");

  /**
   * SSO: sso.auth.ExpiredTokenException "The SSO session associated with this profile has expired or is otherwise
   * invalid…" and "The SSO session's expiration time could not be determined" (SsoAccessTokenProvider;
   * aws/aws-sdk-java-v2#2118); SsoOidcTokenProvider "Token is expired"; and the SSO portal's UnauthorizedException
   * "Session token not found or invalid" (aws/aws-cli#7340).
   */
  private static final List<String> SSO_TEXTS = List.of("The SSO session", "Token is expired");

  /**
   * Never signed in: SsoOidcTokenProvider (an {@code sso_session} profile) "Unable to load SSO token" when its
   * cache holds none; a legacy profile ({@code sso_start_url}, no {@code sso_session}) reads
   * {@code ~/.aws/sso/cache/<sha1 of the start URL>.json} in SsoAccessTokenProvider.tokenFromFile and throws
   * UncheckedIOException(NoSuchFileException) when it is missing (both read from the 2.40.2 jars).
   */
  private static final List<String> SSO_NO_TOKEN_TEXTS = List.of("Unable to load SSO token");
  private static final String SSO_TOKEN_FILE_READER = "software.amazon.awssdk.services.sso.internal.SsoAccessTokenProvider";
  /**
   * The same, through the default chain, which reports each provider's failure only as text: "Unable to load
   * credentials from any of the providers in the chain … ProfileCredentialsProvider(profileName=P, …):
   * java.nio.file.NoSuchFileException: /home/u/.aws/sso/cache/….json" (AwsCredentialsProviderChain, 2.40.2).
   */
  private static final Pattern SSO_CACHE_FILE_MISSING = Pattern.compile(
      "NoSuchFileException: \\S*[/\\\\]sso[/\\\\]cache[/\\\\]");

  /** Query protocol "ExpiredToken … The security token included in the request is expired" (prowler-cloud/prowler#789); modeled STS ExpiredTokenException. */
  private static final Set<String> EXPIRED_CODES = Set.of("ExpiredToken", "ExpiredTokenException");

  /**
   * "InvalidClientTokenId: The security token included in the request is invalid" (query, e.g.
   * hashicorp/terraform-provider-aws#13695) — also what STS answers in an opt-in region the account has not
   * enabled (aws/aws-sdk-ruby#2850, duo-labs/cloudmapper#538); JSON services say UnrecognizedClientException
   * (aws/aws-sdk-js-v3#6355).
   */
  private static final Set<String> INVALID_TOKEN_CODES = Set.of("InvalidClientTokenId", "UnrecognizedClientException");

  /** "SignatureDoesNotMatch: The request signature we calculated does not match…" (mhart/aws4fetch#73); JSON: InvalidSignatureException. */
  private static final Set<String> SIGNATURE_CODES = Set.of("SignatureDoesNotMatch", "InvalidSignatureException");

  /**
   * The SDK's definite clock-skew codes (aws-core AwsErrorCode; {@code isClockSkewException()} also compares the
   * answer's Date header with this clock); a signature error whose text is "Signature expired: … is now earlier
   * than …" is clock skew too (aws/aws-cli#6676, convox/rack#235).
   */
  private static final Set<String> CLOCK_CODES = Set.of("RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture");
  private static final List<String> CLOCK_TEXTS = List.of("Signature expired", "Signature not yet current");

  private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException");

  /** STS RegionDisabledException (modeled in DefaultStsClient, 2.40.2). */
  private static final Set<String> REGION_DISABLED_CODES = Set.of("RegionDisabledException", "RegionDisabled");

  /**
   * "Unable to execute HTTP request: Connection refused" wraps java.net.ConnectException
   * (testcontainers/testcontainers-java#7451); unknown hosts, routes and timeouts alike.
   */
  private static final List<Class<? extends Throwable>> UNREACHABLE_CAUSES = List.of(ConnectException.class,
      UnknownHostException.class, NoRouteToHostException.class, SocketTimeoutException.class,
      ApiCallTimeoutException.class);

  private ConnectionProblems() {}

  /** {@code profile} is the one to name in advice: the connection's, or the one the SDK's chain read. */
  static ConnectionProblem from(Throwable thrown, Connection connection, String profile, String region,
      String target) {
    if (thrown instanceof ConnectionProblem problem) {
      return problem;
    }
    if (unreadableProfileFile(thrown) instanceof IllegalArgumentException parseError) {
      return unreadable(parseError);
    }
    if (missingSsoToken(thrown) || mentions(thrown, SSO_NO_TOKEN_TEXTS)) {
      return new ConnectionProblem(Kind.SSO_NOT_SIGNED_IN, thrown, profile);
    }
    if (AwsErrors.find(thrown, software.amazon.awssdk.services.sso.auth.ExpiredTokenException.class) != null
        || AwsErrors.find(thrown, UnauthorizedException.class) != null || mentions(thrown, SSO_TEXTS)) {
      return new ConnectionProblem(Kind.SSO_EXPIRED, thrown, profile);
    }
    AwsServiceException answer = AwsErrors.find(thrown, AwsServiceException.class);
    if (answer != null) {
      return fromAnswer(answer, profile, region);
    }
    for (Class<? extends Throwable> type : UNREACHABLE_CAUSES) {
      Throwable cause = AwsErrors.find(thrown, type);
      if (cause != null) {
        return new ConnectionProblem(Kind.ENDPOINT_UNREACHABLE, thrown, target,
            cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
    }
    if (AwsErrors.find(thrown, SdkClientException.class) != null && mentions(thrown, NO_CREDENTIALS_TEXTS)) {
      return connection.mode() == Connection.Mode.DEFAULT_CHAIN
          ? new ConnectionProblem(Kind.NO_DEFAULT_CREDENTIALS, thrown)
          : new ConnectionProblem(Kind.NO_CREDENTIALS, thrown, profile);
    }
    AwsError error = AwsErrors.describe(thrown);
    return new ConnectionProblem(Kind.OTHER, thrown, thrown.getClass().getSimpleName(), error.message(), "-");
  }

  private static ConnectionProblem fromAnswer(AwsServiceException answer, String profile, String region) {
    AwsError error = AwsErrors.describe(answer);
    String code = error.code() == null ? "" : error.code();
    String message = String.valueOf(error.message());
    if (EXPIRED_CODES.contains(code)) {
      return new ConnectionProblem(Kind.TOKEN_EXPIRED, answer, profile);
    }
    boolean expiredSignature = SIGNATURE_CODES.contains(code) && contains(message, CLOCK_TEXTS);
    if (answer.isClockSkewException() || CLOCK_CODES.contains(code) || expiredSignature) {
      return new ConnectionProblem(Kind.CLOCK_SKEW, answer, message);
    }
    if (INVALID_TOKEN_CODES.contains(code)) {
      return new ConnectionProblem(Kind.INVALID_CLIENT_TOKEN, answer, profile, region);
    }
    if (SIGNATURE_CODES.contains(code)) {
      return new ConnectionProblem(Kind.SIGNATURE_MISMATCH, answer, profile);
    }
    if (DENIED_CODES.contains(code)) {
      return new ConnectionProblem(Kind.ACCESS_DENIED, answer, message);
    }
    if (REGION_DISABLED_CODES.contains(code)) {
      return new ConnectionProblem(Kind.REGION_DISABLED, answer, region);
    }
    return new ConnectionProblem(Kind.OTHER, answer, code.isEmpty() ? "HTTP " + error.httpStatus() : code, message,
        error.requestId() == null ? "-" : error.requestId());
  }

  private static boolean missingSsoToken(Throwable thrown) {
    NoSuchFileException missing = AwsErrors.find(thrown, NoSuchFileException.class);
    if (missing != null && Arrays.stream(missing.getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals(SSO_TOKEN_FILE_READER))) {
      return true;
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && SSO_CACHE_FILE_MISSING.matcher(t.getMessage()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The SDK's profile file parser (profiles.internal.ProfileFileReader) rejects a malformed file through
   * Validate.isTrue with IllegalArgumentException "Expected a profile definition on line 1" and the like (read
   * from the 2.40.2 jars).
   */
  private static Throwable unreadableProfileFile(Throwable thrown) {
    IllegalArgumentException e = AwsErrors.find(thrown, IllegalArgumentException.class);
    boolean fromParser = e != null && Arrays.stream(e.getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals("software.amazon.awssdk.profiles.internal.ProfileFileReader"));
    return fromParser ? e : null;
  }

  /** Reads the profile files, turning a parse error into a PROFILE_FILE_INVALID problem. */
  static ProfileFile readProfiles(Supplier<ProfileFile> files) {
    try {
      return files.get();
    } catch (IllegalArgumentException e) {
      if (unreadableProfileFile(e) == null) {
        throw e;
      }
      throw unreadable(e);
    }
  }

  private static ConnectionProblem unreadable(Throwable parseError) {
    return new ConnectionProblem(Kind.PROFILE_FILE_INVALID, parseError, parseError.getMessage());
  }

  private static boolean mentions(Throwable thrown, List<String> texts) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (contains(t.getMessage(), texts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String message, List<String> texts) {
    return message != null && texts.stream().anyMatch(message::contains);
  }
}
