package org.bgwizard.aws;

/**
 * A failed AWS call as an error report shows it. {@code service}, {@code operation}, {@code code} and
 * {@code requestId} are null when unknown (a call that never reached AWS has no code nor request id);
 * {@code httpStatus} is 0 then.
 */
public record AwsError(String service, String operation, String code, String message, String requestId,
    int httpStatus, boolean retryable, boolean throttling) {

  @Override
  public String toString() {
    var s = new StringBuilder();
    if (service != null) {
      s.append(service).append(operation == null ? "" : "." + operation).append(": ");
    }
    if (code != null) {
      s.append(code).append(' ');
    }
    s.append(message);
    if (httpStatus != 0) {
      s.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (requestId != null) {
      s.append(" [request id ").append(requestId).append(']');
    }
    return s.toString();
  }
}
