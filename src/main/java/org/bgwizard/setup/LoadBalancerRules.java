package org.bgwizard.setup;

import java.util.regex.Pattern;
import org.bgwizard.setup.LoadBalancer.HealthCheck;

/** The ALB, its two listeners and the blue/green target group pair (ELB API Reference). */
final class LoadBalancerRules {
  private static final Pattern CODE_LIST = Pattern.compile("\\d{3}(,\\d{3})*");
  private static final Pattern CODE_RANGE = Pattern.compile("(\\d{3})-(\\d{3})");

  private LoadBalancerRules() {}

  static void check(LoadBalancer lb, SetupSpec spec, Findings f) {
    if (lb.isExisting()) {
      checkExistingArn(lb.existingArn(), spec.region(), f);
    } else if (f.present("loadBalancer.name", lb.name())) {
      if (lb.name().startsWith("internal-")) {
        f.add("loadBalancer.name", lb.name(), "lbName.internalPrefix");
      } else {
        f.name("loadBalancer.name", lb.name(), NameRule.ELB, "lbName.invalid");
      }
    }
    f.name("loadBalancer.targetGroup1", lb.targetGroup1(), NameRule.ELB, "tgName.invalid");
    f.name("loadBalancer.targetGroup2", lb.targetGroup2(), NameRule.ELB, "tgName.invalid");
    if (lb.targetGroup1() != null && lb.targetGroup1().equalsIgnoreCase(lb.targetGroup2())) {
      f.add("loadBalancer.targetGroup2", lb.targetGroup2(), "tgName.same", new FieldLabel("loadBalancer.targetGroup1"));
    }
    f.range("loadBalancer.productionPort", lb.productionPort(), 1, 65535, "port.invalid");
    f.range("loadBalancer.testPort", lb.testPort(), 1, 65535, "port.invalid");
    f.require(lb.testPort() != lb.productionPort(), "loadBalancer.testPort", lb.testPort(), "lbPort.same",
        new FieldLabel("loadBalancer.productionPort"));
    if (f.present("loadBalancer.healthCheck", lb.healthCheck())) {
      checkHealthCheck(lb.healthCheck(), f);
    }
    f.range("loadBalancer.deregistrationDelaySeconds", lb.deregistrationDelaySeconds(), 0, 3600,
        "lb.deregistrationDelay");
  }

  private static void checkExistingArn(String arn, String region, Findings f) {
    var arnRegion = AwsArns.loadBalancerRegion(arn);
    if (arnRegion.isEmpty()) {
      f.add("loadBalancer.existingArn", arn, "elbArn.invalid");
    } else if (AwsNames.isRegion(region) && !arnRegion.get().equals(region)) {
      f.add("loadBalancer.existingArn", arn, "elbArn.otherRegion", arnRegion.get(), region);
    }
  }

  private static void checkHealthCheck(HealthCheck hc, Findings f) {
    String prefix = "loadBalancer.healthCheck.";
    f.range(prefix + "intervalSeconds", hc.intervalSeconds(), 5, 300, "healthCheck.interval");
    f.range(prefix + "timeoutSeconds", hc.timeoutSeconds(), 2, 120, "healthCheck.timeout");
    if (hc.timeoutSeconds() >= 2 && hc.timeoutSeconds() >= hc.intervalSeconds()) {
      f.add(prefix + "timeoutSeconds", hc.timeoutSeconds(), "healthCheck.timeoutNotBelowInterval",
          String.valueOf(hc.intervalSeconds()));
    }
    f.range(prefix + "healthyThreshold", hc.healthyThreshold(), 2, 10, "healthCheck.threshold");
    f.range(prefix + "unhealthyThreshold", hc.unhealthyThreshold(), 2, 10, "healthCheck.threshold");
    if (f.present(prefix + "successCodes", hc.successCodes())) {
      f.require(isSuccessCodes(hc.successCodes()), prefix + "successCodes", hc.successCodes(),
          "healthCheck.successCodes");
    }
  }

  /** ALB matcher: one code, a comma list ({@code 200,302}) or a range ({@code 200-399}), codes 200–499. */
  static boolean isSuccessCodes(String s) {
    var range = CODE_RANGE.matcher(s);
    if (range.matches()) {
      int low = Integer.parseInt(range.group(1));
      int high = Integer.parseInt(range.group(2));
      return isCode(low) && isCode(high) && low <= high;
    }
    if (!CODE_LIST.matcher(s).matches()) {
      return false;
    }
    for (String code : s.split(",")) {
      if (!isCode(Integer.parseInt(code))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isCode(int code) {
    return code >= 200 && code <= 499;
  }
}
