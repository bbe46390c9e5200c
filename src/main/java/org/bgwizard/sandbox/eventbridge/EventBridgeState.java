package org.bgwizard.sandbox.eventbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated EventBridge service (the default event bus): plain data, saved with the account. */
public final class EventBridgeState {
  /** Rules on the default event bus, by name. */
  public Map<String, Rule> rules = new TreeMap<>();

  public static final class Rule {
    public String name;
    public String arn;
    /** The event pattern as PutRule received it (JSON text). */
    public String eventPattern;
    public String scheduleExpression;
    /** ENABLED or DISABLED. */
    public String state;
    public String description;
    public Map<String, String> tags = new TreeMap<>();
    /** Targets by id, in the order they were put. */
    public Map<String, Target> targets = new LinkedHashMap<>();
    /** Events that matched the rule (CloudWatch metric TriggeredRules). */
    public long triggered;
    /** Target invocations that failed, e.g. a role EventBridge cannot assume (metric FailedInvocations). */
    public long failedInvocations;
  }

  public static final class Target {
    public String id;
    public String arn;
    public String roleArn;
    public String input;
  }
}
