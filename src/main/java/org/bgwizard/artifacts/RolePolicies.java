package org.bgwizard.artifacts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The documents of one role the wizard creates: who may assume it, and what it may do. */
public record RolePolicies(ServiceRole role, String roleName, ObjectNode trust, ObjectNode permissions) {

  public RolePolicies {
    trust = trust.deepCopy();
    permissions = permissions.deepCopy();
  }

  @Override
  public ObjectNode trust() {
    return trust.deepCopy();
  }

  @Override
  public ObjectNode permissions() {
    return permissions.deepCopy();
  }

  public String trustJson() {
    return Json.pretty(trust);
  }

  public String permissionsJson() {
    return Json.pretty(permissions);
  }
}
