package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Ecs;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;

/** The seed files under {@code src/test/resources/lint/} and helpers to look at findings. */
final class Fixtures {
  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/lint/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with {@code target} replaced; fails when {@code target} is not there, so a test cannot go stale. */
  static String edit(String text, String target, String replacement) {
    if (!text.contains(target)) {
      throw new IllegalArgumentException("fixture does not contain " + target);
    }
    return text.replace(target, replacement);
  }

  /** The tutorial setup shaped like seed 002: container labo-terraform-admin on port 5000, its log group. */
  static SetupSpec seed002Spec() {
    SetupSpec spec = SpecDefaults.tutorial("labo-terraform-admin", "ap-northeast-1");
    return spec
        .withContainer(new Container("labo-terraform-admin", 5000, 256, 512, Architecture.X86_64, Map.of(), "/",
            SpecDefaults.INITIAL_IMAGE))
        .withEcs(new Ecs(spec.ecs().cluster(), false, spec.ecs().service(), "ecs-admin-test", 1,
            "/ecs/aws-ecs-getting-started", 30));
  }

  static SetupSpec withArchitecture(SetupSpec spec, Architecture architecture) {
    Container c = spec.container();
    return spec.withContainer(new Container(c.name(), c.port(), c.cpu(), c.memory(), architecture, c.environment(),
        c.healthCheckPath(), c.initialImage()));
  }

  /** Checks, and renders every finding in both languages so that a missing bundle key fails the test. */
  static List<Finding> check(PreflightInput input) {
    List<Finding> findings = Preflight.check(input);
    findings.forEach(Fixtures::render);
    return findings;
  }

  static void render(Finding f) {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
      assertFalse(f.message(locale).isBlank());
      assertFalse(f.fix(locale).isBlank());
    }
  }

  static List<Finding> withKey(List<Finding> findings, String key) {
    return findings.stream().filter(f -> f.key().equals(key)).toList();
  }

  static List<Finding> errors(List<Finding> findings) {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }
}
