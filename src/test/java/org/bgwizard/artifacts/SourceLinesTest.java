package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class SourceLinesTest {
  @Test
  void yaml_linesOfKeysListItemsAndNestedValues() throws JsonProcessingException {
    SourceLines doc = SourceLines.yaml("version: 0.2\n\nphases:\n  build:\n    commands:\n      - echo a\n      - echo b\n");
    assertEquals(1, doc.line(JsonPointer.compile("/version")));
    assertEquals(3, doc.line(JsonPointer.compile("/phases")));
    assertEquals(7, doc.line(JsonPointer.compile("/phases/build/commands/1")));
  }

  @Test
  void missingPointer_fallsBackToItsNearestAncestor_andTheRootHasNoLine() throws JsonProcessingException {
    SourceLines doc = SourceLines.json("{\n  \"a\": {\n    \"b\": 1\n  }\n}");
    assertEquals(2, doc.line(JsonPointer.compile("/a/missing/deeper")));
    assertNull(doc.line(JsonPointer.compile("/nothing")));
  }

  @Test
  void keysWithSlashes_areEscapedConsistently() throws JsonProcessingException {
    SourceLines doc = SourceLines.json("{\n\"a/b\": 1}");
    assertEquals(2, doc.line(JsonPointer.compile("/a~1b")));
  }

  @Test
  void parseErrors_carryTheParsersLine() {
    var e = assertThrows(JsonProcessingException.class, () -> SourceLines.json("{\n\"a\": 1,\n,}"));
    assertEquals(3, SourceLines.lineOf(e));
  }
}
