package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

/** The exported service carries the setup's health check grace period, as CreateService gets it, and none without. */
class GracePeriodTemplateTest {
  @Test
  void service_carriesTheGracePeriod_onlyWhenTheSetupGivesOne() throws Exception {
    SetupSpec tutorial = ExportSpecs.tutorial();
    SetupSpec spec = tutorial.withEcs(tutorial.ecs().withHealthCheckGracePeriodSeconds(90));

    JsonNode template = TemplateChecks.parse(SetupTemplate.yaml(spec));

    assertEquals(List.of(), TemplateChecks.problems(template));
    assertEquals(90, template.at("/Resources/Service/Properties/HealthCheckGracePeriodSeconds").asInt());
    assertFalse(TemplateChecks.parse(SetupTemplate.yaml(tutorial)).at("/Resources/Service/Properties")
        .has("HealthCheckGracePeriodSeconds"));
  }
}
