package org.bgwizard.provision.steps;

import java.util.Objects;

/** One field that apply changes in place: what the account has, what the setup wants. */
public record Change(String field, String from, String to) {

  /** A change when {@code found} and {@code wanted} differ, else null. */
  static Change of(String field, Object found, Object wanted) {
    return Objects.equals(found, wanted) ? null : new Change(field, String.valueOf(found), String.valueOf(wanted));
  }

  @Override
  public String toString() {
    return field + ": " + from + " → " + to;
  }
}
