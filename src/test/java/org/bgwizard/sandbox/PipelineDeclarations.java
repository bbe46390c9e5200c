package org.bgwizard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.OutputArtifact;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;

/** The app's pipeline JSON (PipelineStructure) as the SDK declaration the provisioner would send. */
public final class PipelineDeclarations {
  private PipelineDeclarations() {}

  public static PipelineDeclaration from(JsonNode doc) {
    List<StageDeclaration> stages = new ArrayList<>();
    for (JsonNode s : doc.path("stages")) {
      List<ActionDeclaration> actions = new ArrayList<>();
      for (JsonNode a : s.path("actions")) {
        Map<String, String> config = new LinkedHashMap<>();
        a.path("configuration").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        JsonNode type = a.path("actionTypeId");
        actions.add(ActionDeclaration.builder().name(a.path("name").asText())
            .actionTypeId(t -> t.category(type.path("category").asText()).owner(type.path("owner").asText())
                .provider(type.path("provider").asText()).version(type.path("version").asText()))
            .runOrder(a.path("runOrder").asInt(1)).configuration(config)
            .namespace(a.hasNonNull("namespace") ? a.path("namespace").asText() : null)
            .inputArtifacts(names(a.path("inputArtifacts")).stream().map(n -> InputArtifact.builder().name(n).build())
                .toList())
            .outputArtifacts(names(a.path("outputArtifacts")).stream()
                .map(n -> OutputArtifact.builder().name(n).build()).toList())
            .build());
      }
      stages.add(StageDeclaration.builder().name(s.path("name").asText()).actions(actions).build());
    }
    return PipelineDeclaration.builder().name(doc.path("name").asText()).roleArn(doc.path("roleArn").asText())
        .artifactStore(st -> st.type(doc.path("artifactStore").path("type").asText())
            .location(doc.path("artifactStore").path("location").asText()))
        .stages(stages).pipelineType(doc.path("pipelineType").asText(null))
        .executionMode(doc.path("executionMode").asText(null)).build();
  }

  private static List<String> names(JsonNode artifacts) {
    List<String> out = new ArrayList<>();
    artifacts.forEach(n -> out.add(n.path("name").asText()));
    return out;
  }
}
