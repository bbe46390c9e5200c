package org.bgwizard.aws;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why connecting to AWS failed, and what the user can do about it. The text comes from the bundle
 * {@code org.bgwizard.aws.messages} (English and Japanese) under the kind's key; {@link #getMessage()} is the
 * English text. Secret values never appear in {@code args}.
 */
public final class ConnectionProblem extends RuntimeException {

  public enum Kind {
    NO_CREDENTIALS, NO_DEFAULT_CREDENTIALS, SSO_NOT_SIGNED_IN, SSO_EXPIRED, TOKEN_EXPIRED, UNKNOWN_PROFILE, PROFILE_FILE_INVALID, UNKNOWN_REGION, REGION_DISABLED, NO_REGION,
    ENDPOINT_UNREACHABLE, ACCESS_DENIED, INVALID_CLIENT_TOKEN, SIGNATURE_MISMATCH, CLOCK_SKEW, OTHER
  }

  private final Kind kind;
  private final List<Object> args;

  ConnectionProblem(Kind kind, Throwable cause, Object... args) {
    super(format(kind, Locale.ROOT, args), cause);
    this.kind = kind;
    this.args = List.of(args);
  }

  public Kind kind() {
    return kind;
  }

  public String message(Locale locale) {
    return format(kind, locale, args.toArray());
  }

  private static String format(Kind kind, Locale locale, Object[] args) {
    var bundle = ResourceBundle.getBundle("org.bgwizard.aws.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString("connection." + kind.name()), locale).format(args);
  }
}
