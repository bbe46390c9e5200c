package org.bgwizard.ui.pages;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the subnet list: the subnet id and, when known, its Availability Zone. */
public final class SubnetInput {
  private final StringProperty id = new SimpleStringProperty(this, "id", "");
  private final StringProperty zone = new SimpleStringProperty(this, "zone", "");

  SubnetInput(String id, String zone) {
    this.id.set(id == null ? "" : id);
    this.zone.set(zone == null ? "" : zone);
  }

  public StringProperty id() {
    return id;
  }

  public StringProperty zone() {
    return zone;
  }

  Observable[] observables() {
    return new Observable[] {id, zone};
  }
}
