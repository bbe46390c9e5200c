package org.bgwizard.setup;

/** The four IAM roles of the walkthrough. Each is created by name, or is the user's own when an ARN is given. */
public record Roles(RoleRef taskExecution, RoleRef codeDeploy, RoleRef codeBuild, RoleRef codePipeline) {

  /** A role: created as {@code name}, or the existing role {@code existingArn} used as it is. */
  public record RoleRef(String name, String existingArn) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isExisting() {
      return existingArn != null && !existingArn.isBlank();
    }
  }
}
