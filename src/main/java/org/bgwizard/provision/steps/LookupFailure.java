package org.bgwizard.provision.steps;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.aws.AwsError;
import org.bgwizard.aws.AwsErrors;

/**
 * A resource that could not be looked at: AWS refused the lookup (the caller lacks the right) or it failed in a way
 * nothing retries. Planning and status go on without it; apply tries its step, which looks again.
 *
 * @param error AWS's error code ({@code AccessDeniedException}), else the exception's type
 * @param action the IAM action refused ({@code codecommit:GetRepository}) as AWS's message names it, else the
 *     service and operation the call was; null when neither is known
 * @param message AWS's message
 */
public record LookupFailure(String error, String action, String message) {
  /** AWS names the action in its denial: "User: … is not authorized to perform: ecs:DescribeServices on …". */
  private static final Pattern DENIED_ACTION = Pattern.compile("not authorized to perform:? ([A-Za-z0-9-]+:[A-Za-z0-9*]+)");
  /** SDK service names whose IAM prefix is not their lower-case form (Service Authorization Reference). */
  private static final Map<String, String> IAM_PREFIX = Map.of("elasticloadbalancingv2", "elasticloadbalancing",
      "cloudwatchlogs", "logs");

  static LookupFailure of(Throwable thrown) {
    AwsError aws = AwsErrors.describe(thrown);
    String error = aws.code() != null ? aws.code() : thrown.getClass().getSimpleName();
    return new LookupFailure(error, actionOf(aws), aws.message());
  }

  /** "could not look: AccessDeniedException on codecommit:GetRepository". */
  public String reason() {
    return "could not look: " + error + (action == null ? "" : " on " + action);
  }

  /** The reason and AWS's message, for listings. */
  public String describe() {
    return reason() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static String actionOf(AwsError aws) {
    if (aws.message() != null) {
      Matcher m = DENIED_ACTION.matcher(aws.message());
      if (m.find()) {
        return m.group(1);
      }
    }
    if (aws.service() == null) {
      return null;
    }
    String service = aws.service().toLowerCase(Locale.ROOT).replace(" ", "");
    String prefix = IAM_PREFIX.getOrDefault(service, service);
    return aws.operation() == null ? prefix : prefix + ":" + aws.operation();
  }
}
