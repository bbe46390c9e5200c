package org.bgwizard.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.aws.CallSiteInterceptor.CallSite;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns whatever an SDK call threw into an {@link AwsError} for reports. "Retryable" follows the SDK's STANDARD
 * strategy in 2.40.2 (SdkDefaultRetrySetting, AwsErrorCode): throttling, clock skew, HTTP 500/502/503/504,
 * a few codes, and I/O failures or attempt timeouts before any answer.
 */
public final class AwsErrors {
  private static final Set<String> RETRYABLE_CODES =
      Set.of("PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException", "InternalError");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(500, 502, 503, 504);
  private static final List<Class<? extends Throwable>> RETRYABLE_CAUSES = List.of(RetryableException.class,
      IOException.class, UncheckedIOException.class, ApiCallAttemptTimeoutException.class);

  private AwsErrors() {}

  public static AwsError describe(Throwable thrown) {
    Optional<CallSite> site = callSite(thrown);
    String service = site.map(s -> s.service).orElse(null);
    String operation = site.map(s -> s.operation).orElse(null);
    SdkServiceException answer = find(thrown, SdkServiceException.class);
    if (answer != null) {
      AwsErrorDetails details = answer instanceof AwsServiceException aws ? aws.awsErrorDetails() : null;
      String code = details == null ? null : details.errorCode();
      String message = details == null || details.errorMessage() == null ? answer.getMessage() : details.errorMessage();
      if (service == null && details != null) {
        service = details.serviceName();
      }
      boolean throttling = answer.isThrottlingException();
      boolean retryable = throttling || answer.isClockSkewException() || answer.retryable()
          || RETRYABLE_STATUS.contains(answer.statusCode()) || (code != null && RETRYABLE_CODES.contains(code));
      return new AwsError(service, operation, code, message, answer.requestId(), answer.statusCode(), retryable,
          throttling);
    }
    SdkException sdkError = find(thrown, SdkException.class);
    Throwable shown = sdkError == null ? thrown : sdkError;
    boolean retryable = (sdkError != null && sdkError.retryable())
        || RETRYABLE_CAUSES.stream().anyMatch(type -> find(thrown, type) != null);
    return new AwsError(service, operation, null, String.valueOf(shown.getMessage()), null, 0, retryable, false);
  }

  /** The first throwable of {@code type} along the cause chain, or null. */
  static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Optional<CallSite> callSite(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<CallSite> site = Arrays.stream(t.getSuppressed())
          .filter(CallSite.class::isInstance).map(CallSite.class::cast).findFirst();
      if (site.isPresent()) {
        return site;
      }
    }
    return Optional.empty();
  }
}
