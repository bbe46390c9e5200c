package org.bgwizard.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bgwizard.provision.ResourceRef;

/**
 * One resource of the template.
 *
 * @param page the wizard page its settings come from, for the comment above it
 * @param journalRef the resource as apply records it in the journal, to find its identifier for an import
 */
public record TemplateResource(String logicalId, String type, String page, ObjectNode properties,
    List<String> dependsOn, ResourceRef journalRef) {

  public TemplateResource {
    properties = properties.deepCopy();
    dependsOn = List.copyOf(dependsOn);
  }

  @Override
  public ObjectNode properties() {
    return properties.deepCopy();
  }

  /** The resource as the template's {@code Resources} lists it; {@code retain} adds {@code DeletionPolicy: Retain}. */
  ObjectNode body(boolean retain) {
    ObjectNode body = Cfn.object();
    body.put("Type", type);
    if (retain) {
      body.put("DeletionPolicy", "Retain");
      body.put("UpdateReplacePolicy", "Retain");
    }
    if (!dependsOn.isEmpty()) {
      body.set("DependsOn", Cfn.strings(dependsOn));
    }
    body.set("Properties", properties.deepCopy());
    return body;
  }
}
