package org.bgwizard.provision;

/** Whether this setup creates a resource (and so may delete it) or uses one the user brought (never deleted). */
public enum Origin {
  CREATE,
  REUSE
}
