package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply converges (issue 13): the calls of an apply with nothing to change. */
class ConvergeTest {
  @TempDir
  Path dir;

  @Test
  void apply_withNothingChanged_makesNoWriteCall_inAtMost30Calls() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    int before = h.calls().size();

    var result = h.ops.apply(h.ops.plan(h.spec, h.journal()), h.journal(), h.listener());

    assertTrue(result.succeeded(), () -> result.failed().toString());
    List<String> operations = h.operations().subList(before, h.calls().size());
    assertEquals(List.of(), operations.stream().filter(ApplyTest::mutating).toList());
    assertTrue(operations.size() <= 30, operations.size() + " calls: " + operations);
  }
}
