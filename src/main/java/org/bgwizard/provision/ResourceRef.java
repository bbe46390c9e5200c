package org.bgwizard.provision;

import java.util.Objects;

/**
 * Names one AWS resource of a setup: its {@code kind} (lower-case, e.g. {@code iam-role}, {@code ecr-repository},
 * {@code elbv2-load-balancer}) and the {@code name} the setup gives it. The pair is unique within a plan and a
 * journal.
 */
public record ResourceRef(String kind, String name) implements Comparable<ResourceRef> {

  public ResourceRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!kind.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("A resource kind is lower-case words joined by '-', not '" + kind + "'");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("A " + kind + " needs a name");
    }
  }

  @Override
  public int compareTo(ResourceRef other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
