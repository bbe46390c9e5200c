package org.bgwizard.ui.pages;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bgwizard.artifacts.RolePolicies;

/** One of the four roles: created by name, or the user's own by ARN; and the policy documents it gets. */
public final class RoleInput {
  private final BooleanProperty existing = new SimpleBooleanProperty(this, "existing");
  private final StringProperty name = new SimpleStringProperty(this, "name");
  private final StringProperty arn = new SimpleStringProperty(this, "arn");
  private final ReadOnlyStringWrapper trustPolicy = new ReadOnlyStringWrapper(this, "trustPolicy", "");
  private final ReadOnlyStringWrapper permissionsPolicy = new ReadOnlyStringWrapper(this, "permissionsPolicy", "");

  RoleInput(boolean existing, String name, String arn) {
    this.existing.set(existing);
    this.name.set(name == null ? "" : name);
    this.arn.set(arn == null ? "" : arn);
  }

  public BooleanProperty existing() {
    return existing;
  }

  public StringProperty name() {
    return name;
  }

  public StringProperty arn() {
    return arn;
  }

  /** Who may assume the role, as JSON; empty while the documents cannot be generated. */
  public ReadOnlyStringProperty trustPolicy() {
    return trustPolicy.getReadOnlyProperty();
  }

  /** What the role may do, as JSON; for a role the user brings, what it needs. */
  public ReadOnlyStringProperty permissionsPolicy() {
    return permissionsPolicy.getReadOnlyProperty();
  }

  void showPolicies(RolePolicies policies) {
    showDocuments(policies == null ? null : policies.trustJson(), policies == null ? null
        : policies.permissionsJson());
  }

  void showDocuments(String trust, String permissions) {
    trustPolicy.set(trust == null ? "" : trust);
    permissionsPolicy.set(permissions == null ? "" : permissions);
  }

  Observable[] observables() {
    return new Observable[] {existing, name, arn};
  }
}
