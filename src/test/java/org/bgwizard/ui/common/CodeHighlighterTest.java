package org.bgwizard.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgwizard.ui.common.CodeHighlighter.Kind;
import org.bgwizard.ui.common.CodeHighlighter.Run;
import org.junit.jupiter.api.Test;

class CodeHighlighterTest {
  @Test
  void yaml_keysStringsAndComments_areMarked_andNothingIsLost() {
    String yaml = "version: 0.2\n# build it\nphases:\n  - name: \"web\" # the container\n    url: http://x:80\n";

    var runs = CodeHighlighter.runs("buildspec.yml", yaml);

    assertEquals(yaml, String.join("", runs.stream().map(Run::text).toList()));
    assertEquals(List.of("version", "phases", "name", "url"), of(runs, Kind.KEY));
    assertEquals(List.of("\"web\""), of(runs, Kind.STRING));
    assertEquals(List.of("# build it", "# the container"), of(runs, Kind.COMMENT));
  }

  @Test
  void yaml_hashInsideAWord_isNoComment() {
    var runs = CodeHighlighter.runs("appspec.yaml", "image: repo:tag#1\n");

    assertEquals(List.of(), of(runs, Kind.COMMENT));
  }

  @Test
  void json_keysDifferFromStringValues() {
    String json = "{\n  \"family\": \"web\",\n  \"cpu\": \"256\",\n  \"note\": \"a \\\"b\\\": c\"\n}";

    var runs = CodeHighlighter.runs("taskdef.json", json);

    assertEquals(json, String.join("", runs.stream().map(Run::text).toList()));
    assertEquals(List.of("\"family\"", "\"cpu\"", "\"note\""), of(runs, Kind.KEY));
    assertEquals(List.of("\"web\"", "\"256\"", "\"a \\\"b\\\": c\""), of(runs, Kind.STRING));
    assertEquals(List.of(), of(runs, Kind.COMMENT));
  }

  private static List<String> of(List<Run> runs, Kind kind) {
    return runs.stream().filter(r -> r.kind() == kind).map(Run::text).toList();
  }
}
