package org.bgwizard.sandbox.core;

import java.util.regex.Pattern;

/** The wildcard match IAM policies and EC2 filters share: {@code *} any run of characters, {@code ?} one character. */
public final class Wildcards {
  private Wildcards() {}

  /** Whether {@code value} matches {@code pattern}; characters other than {@code *} and {@code ?} are literal. */
  public static boolean matches(String pattern, String value, boolean ignoreCase) {
    var regex = new StringBuilder();
    for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
      regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL)
        .matcher(value).matches();
  }
}
