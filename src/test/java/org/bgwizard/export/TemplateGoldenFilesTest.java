package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported template, byte for byte, against {@code src/test/resources/golden/cloudformation/<case>.yaml}. After
 * an intended change, regenerate with {@code mvn -o test -Dtest=TemplateGoldenFilesTest -Dgolden.update=true} and
 * review the diff.
 */
class TemplateGoldenFilesTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "cloudformation");

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of("tutorial", ExportSpecs.tutorial()), Arguments.of("s3-source", ExportSpecs.s3Source()),
        Arguments.of("ecs-native", ExportSpecs.ecsNative()),
        Arguments.of("two-environments", ExportSpecs.twoEnvironments()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void template_matchesTheGoldenFile(String name, SetupSpec spec) throws IOException {
    Path file = GOLDEN.resolve(name + ".yaml");
    String generated = SetupTemplate.yaml(spec);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), generated, file + " differs; if the change is"
        + " intended, run: mvn -o test -Dtest=TemplateGoldenFilesTest -Dgolden.update=true");
  }
}
