package org.bgwizard.deploy;

/** A target group's name from its ARN ({@code …:targetgroup/NAME/ID}). */
final class TargetGroupNames {
  private TargetGroupNames() {}

  static String of(String arn) {
    int at = arn.indexOf(":targetgroup/");
    if (at < 0) {
      return arn;
    }
    String rest = arn.substring(at + ":targetgroup/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
