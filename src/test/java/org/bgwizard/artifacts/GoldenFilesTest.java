package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exported file, byte for byte, against {@code src/test/resources/golden/<case>/}. After an intended change,
 * regenerate with {@code mvn -o test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final String HOW_TO_UPDATE =
      "; if the change is intended, run: mvn -o test -Dtest=GoldenFilesTest -Dgolden.update=true";

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of("tutorial", Specs.tutorial()), Arguments.of("variant", Specs.variant()),
        // dev on main, qa on qa, prod on prod gated by an approval notifying demo-approvals
        Arguments.of("environments", EnvironmentPipelinesTest.THREE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exportedFiles_matchTheGoldenFiles(String name, SetupSpec spec) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Map<String, String> generated = ExportFiles.generate(spec, Specs.TARGET).stream()
        .collect(Collectors.toMap(RepoFile::path, RepoFile::content));
    if (Boolean.getBoolean("golden.update")) {
      rewrite(dir, generated);
    }
    assertEquals(new TreeSet<>(generated.keySet()), new TreeSet<>(goldenPaths(dir)),
        "the generated files differ from the golden files in " + dir + HOW_TO_UPDATE);
    for (var file : generated.entrySet()) {
      byte[] expected = Files.readAllBytes(dir.resolve(file.getKey()));
      byte[] actual = file.getValue().getBytes(StandardCharsets.UTF_8);
      String message = file.getKey() + " differs from " + dir.resolve(file.getKey()) + HOW_TO_UPDATE;
      assertEquals(new String(expected, StandardCharsets.UTF_8), file.getValue(), message);
      assertArrayEquals(expected, actual, message);
    }
  }

  private static List<String> goldenPaths(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .toList();
    }
  }

  private static void rewrite(Path dir, Map<String, String> files) throws IOException {
    for (String stale : goldenPaths(dir)) {
      Files.delete(dir.resolve(stale));
    }
    for (var file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }

}
