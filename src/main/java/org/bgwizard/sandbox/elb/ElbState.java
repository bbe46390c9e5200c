package org.bgwizard.sandbox.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Persisted state of the simulated Elastic Load Balancing v2 service: plain data, saved with the account. */
public final class ElbState {
  /** By ARN, in creation order. */
  public Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
  public Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
  public Map<String, Listener> listeners = new LinkedHashMap<>();
  /** Listener rules other than the default ones (those are the listeners' default actions), by ARN. Left out of
   * files while empty, so that accounts saved before rules existed read back unchanged. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, Rule> rules = new LinkedHashMap<>();

  public static final class LoadBalancer {
    public String arn;
    public String name;
    public String dnsName;
    public String scheme;
    public String type;
    public String ipAddressType;
    public String vpcId;
    public List<String> subnets = new ArrayList<>();
    /** Availability zone per subnet, in the order of {@link #subnets}. */
    public List<String> zones = new ArrayList<>();
    public List<String> securityGroups = new ArrayList<>();
    public String state;
    public Instant createdAt;
    public Instant activeAt;
    public Map<String, String> attributes = new LinkedHashMap<>();
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  public static final class TargetGroup {
    public String arn;
    public String name;
    public String protocol;
    public int port;
    public String vpcId;
    public String targetType;
    public boolean healthCheckEnabled = true;
    public String healthCheckProtocol;
    public String healthCheckPort;
    public String healthCheckPath;
    public int healthCheckIntervalSeconds;
    public int healthCheckTimeoutSeconds;
    public int healthyThresholdCount;
    public int unhealthyThresholdCount;
    public String matcher;
    public Map<String, String> attributes = new LinkedHashMap<>();
    public Map<String, String> tags = new LinkedHashMap<>();
    public List<Target> targets = new ArrayList<>();
  }

  /**
   * A registered target and where it is in the health state machine (ELB API Reference, TargetHealth).
   * {@code phaseEndsAt} is when the current phase ends: registration or initial checking; null when waiting for the
   * target group to be used by an active load balancer, or when the state is final.
   */
  public static final class Target {
    public String id;
    public int port;
    public String availabilityZone;
    public String state;
    public String reason;
    public String description;
    public Instant registeredAt;
    public Instant phaseEndsAt;
    /** The state initial checking ends in, decided when it starts: healthy or unhealthy. */
    public String outcome;
    public String outcomeReason;
    public String outcomeDescription;
    public Instant drainingUntil;
  }

  public static final class Listener {
    public String arn;
    public String loadBalancerArn;
    public String protocol;
    public int port;
    public List<Forward> forward = new ArrayList<>();
    public boolean stickinessEnabled;
    public Integer stickinessDurationSeconds;
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  /** One target group of a listener's forward action, with its weight (0–999). */
  public static final class Forward {
    public String targetGroupArn;
    public int weight;

    public Forward() {}

    Forward(String targetGroupArn, int weight) {
      this.targetGroupArn = targetGroupArn;
      this.weight = weight;
    }
  }

  /**
   * A listener rule (ELB API Reference, CreateRule; "Listener rules for your Application Load Balancer"): a priority,
   * conditions, and one action, forward (with weights) or fixed-response.
   */
  public static final class Rule {
    public String arn;
    public String listenerArn;
    public int priority;
    public List<Condition> conditions = new ArrayList<>();
    /** forward or fixed-response. */
    public String actionType;
    public List<Forward> forward = new ArrayList<>();
    public boolean stickinessEnabled;
    public Integer stickinessDurationSeconds;
    public String fixedResponseStatusCode;
    public Map<String, String> tags = new LinkedHashMap<>();
  }

  /** A rule condition: path-pattern, host-header or http-header (with its header name), and its values. */
  public static final class Condition {
    public String field;
    public String httpHeaderName;
    public List<String> values = new ArrayList<>();
  }
}
