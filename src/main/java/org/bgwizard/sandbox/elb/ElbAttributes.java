package org.bgwizard.sandbox.elb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;

/** Load balancer and target group attributes: AWS's defaults for an ALB and an HTTP target group, and checks. */
final class ElbAttributes {
  static final Map<String, String> LOAD_BALANCER_DEFAULTS = ordered(
      "deletion_protection.enabled", "false",
      "idle_timeout.timeout_seconds", "60",
      "routing.http2.enabled", "true",
      "routing.http.drop_invalid_header_fields.enabled", "false",
      "access_logs.s3.enabled", "false",
      "access_logs.s3.bucket", "",
      "access_logs.s3.prefix", "",
      "load_balancing.cross_zone.enabled", "true");

  static final Map<String, String> TARGET_GROUP_DEFAULTS = ordered(
      "deregistration_delay.timeout_seconds", "300",
      "stickiness.enabled", "false",
      "stickiness.type", "lb_cookie",
      "stickiness.lb_cookie.duration_seconds", "86400",
      "slow_start.duration_seconds", "0",
      "load_balancing.algorithm.type", "round_robin",
      "load_balancing.cross_zone.enabled", "use_load_balancer_configuration");

  private static final Set<String> BOOLEANS = Set.of("true", "false");

  private ElbAttributes() {}

  private static Map<String, String> ordered(String... kv) {
    var m = new LinkedHashMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  static void validateLoadBalancer(Map<String, String> changes, ElbEngine elb) {
    changes.forEach((k, v) -> {
      if (!LOAD_BALANCER_DEFAULTS.containsKey(k)) {
        throw invalid(elb, "Load balancer attribute key '" + k + "' is not recognized");
      }
      switch (k) {
        case "idle_timeout.timeout_seconds" -> intIn(elb, k, v, 1, 4000);
        case "access_logs.s3.bucket", "access_logs.s3.prefix" -> { }
        default -> bool(elb, k, v);
      }
    });
  }

  static void validateTargetGroup(Map<String, String> changes, ElbEngine elb) {
    changes.forEach((k, v) -> {
      if (!TARGET_GROUP_DEFAULTS.containsKey(k)) {
        throw invalid(elb, "Target group attribute key '" + k + "' is not recognized");
      }
      switch (k) {
        case "deregistration_delay.timeout_seconds" -> intIn(elb, k, v, 0, 3600);
        case "stickiness.lb_cookie.duration_seconds" -> intIn(elb, k, v, 1, 604800);
        case "slow_start.duration_seconds" -> {
          int n = intIn(elb, k, v, 0, 900);
          if (n != 0 && n < 30) {
            throw invalid(elb, "Slow start duration must be 0 or between 30 and 900 seconds");
          }
        }
        case "stickiness.type" -> oneOf(elb, k, v, Set.of("lb_cookie", "app_cookie"));
        case "load_balancing.algorithm.type" ->
            oneOf(elb, k, v, Set.of("round_robin", "least_outstanding_requests", "weighted_random"));
        case "load_balancing.cross_zone.enabled" ->
            oneOf(elb, k, v, Set.of("true", "false", "use_load_balancer_configuration"));
        default -> bool(elb, k, v);
      }
    });
  }

  static int deregistrationDelaySeconds(ElbState.TargetGroup tg) {
    return Integer.parseInt(tg.attributes.getOrDefault("deregistration_delay.timeout_seconds", "300"));
  }

  private static int intIn(ElbEngine elb, String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(elb, "The value of '" + key + "' must be an integer between " + min + " and " + max);
  }

  private static void bool(ElbEngine elb, String key, String value) {
    oneOf(elb, key, value, BOOLEANS);
  }

  private static void oneOf(ElbEngine elb, String key, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw invalid(elb, "The value of '" + key + "' must be one of " + allowed.stream().sorted().toList());
    }
  }

  private static RuntimeException invalid(ElbEngine elb, String message) {
    return elb.error(InvalidConfigurationRequestException.builder(), "InvalidConfigurationRequest", message);
  }
}
