package org.bgwizard.sandbox.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Persisted state of the simulated IAM service: plain data, saved as JSON with the whole account. */
public final class IamState {
  /** Roles by lower-cased name: IAM role names are unique regardless of case. */
  public Map<String, Role> roles = new TreeMap<>();

  public static final class Role {
    public String name;
    public String id;
    public String arn;
    public String path;
    public String description;
    public int maxSessionDuration;
    public Instant createDate;
    public boolean serviceLinked;
    public Map<String, String> tags = new LinkedHashMap<>();
    /**
     * What other services see lags behind what IAM shows: the last revision is current, earlier ones are
     * kept until a newer one has propagated.
     */
    public List<Revision> revisions = new ArrayList<>();

    Revision current() {
      return revisions.get(revisions.size() - 1);
    }
  }

  /** The role's trust and permission policies as of {@code at}. */
  public static final class Revision {
    public Instant at;
    public String trustPolicy;
    /** Inline policies: name to JSON document. */
    public Map<String, String> inline = new TreeMap<>();
    /** Attached managed policy ARNs, in attach order. */
    public List<String> attached = new ArrayList<>();

    Revision copyAt(Instant t) {
      var r = new Revision();
      r.at = t;
      r.trustPolicy = trustPolicy;
      r.inline = new TreeMap<>(inline);
      r.attached = new ArrayList<>(attached);
      return r;
    }
  }
}
