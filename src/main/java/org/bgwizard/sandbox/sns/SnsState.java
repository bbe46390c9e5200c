package org.bgwizard.sandbox.sns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated SNS service: plain data, saved as JSON with the whole account. */
public final class SnsState {
  /** Topics by ARN. */
  public Map<String, Topic> topics = new TreeMap<>();

  public static final class Topic {
    public String name;
    public String arn;
    /** The attributes set by CreateTopic/SetTopicAttributes (the computed ones are added when read). */
    public Map<String, String> attributes = new TreeMap<>();
    public Map<String, String> tags = new TreeMap<>();
    /** The most recent messages published, oldest first (a bounded history for practice and tests). */
    public List<Message> messages = new ArrayList<>();
  }

  public static final class Message {
    public String id;
    public String subject;
    public String body;
    public Instant at;
  }
}
