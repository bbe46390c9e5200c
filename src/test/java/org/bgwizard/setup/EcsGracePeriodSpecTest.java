package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** ecs.healthCheckGracePeriodSeconds: optional in files, 0 to 2147483647, named by its label when wrong. */
class EcsGracePeriodSpecTest {
  private static final SetupSpec TUTORIAL = SpecDefaults.tutorial("demo", "us-east-1");

  @Test
  void aFileWithoutTheGracePeriod_loadsWithNone_andIsWrittenBackUnchanged() throws Exception {
    String file = SpecJson.write(TUTORIAL);
    assertFalse(file.contains("healthCheckGracePeriodSeconds"), file);

    SetupSpec loaded = SpecJson.read(file);

    assertNull(loaded.ecs().healthCheckGracePeriodSeconds());
    assertEquals(file, SpecJson.write(loaded));
  }

  @Test
  void aGracePeriod_roundTripsExactly_andIsValid() throws Exception {
    var spec = TUTORIAL.withEcs(TUTORIAL.ecs().withHealthCheckGracePeriodSeconds(120));
    String file = SpecJson.write(spec);
    assertTrue(file.contains("\"healthCheckGracePeriodSeconds\" : 120"), file);

    assertEquals(spec, SpecJson.read(file));
    assertEquals(List.of(), SpecValidator.validate(spec));
    assertEquals(List.of(), SpecValidator.validate(TUTORIAL.withEcs(TUTORIAL.ecs()
        .withHealthCheckGracePeriodSeconds(Integer.MAX_VALUE))));
  }

  @Test
  void aNegativeGracePeriod_isRefused_namingTheLabelTheValueAndTheRange() {
    var problems = SpecValidator.validate(TUTORIAL.withEcs(TUTORIAL.ecs().withHealthCheckGracePeriodSeconds(-5)));

    assertEquals(1, problems.size(), problems::toString);
    assertEquals("Health check grace period (seconds) (ecs.healthCheckGracePeriodSeconds): -5 is not a grace period;"
        + " use 0 to 2147483647 seconds, or leave it out for AWS's default of 0.",
        problems.get(0).message(Locale.ENGLISH));
    assertTrue(problems.get(0).message(Locale.JAPANESE).startsWith("ヘルスチェックの猶予期間（秒） "
        + "(ecs.healthCheckGracePeriodSeconds): -5 は猶予期間として使えません。"), problems.get(0).message(Locale.JAPANESE));
  }
}
