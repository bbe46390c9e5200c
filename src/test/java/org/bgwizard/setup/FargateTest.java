package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FargateTest {

  @Test
  void cpuValues_areTheSevenFargateSizes() {
    assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192, 16384), Fargate.cpuValues());
  }

  @Test
  void quarterVcpu_allowsHalfOneAndTwoGiB() {
    assertEquals(List.of(512, 1024, 2048), Fargate.memoryValues(256));
  }

  @ParameterizedTest(name = "{0} CPU: {1}..{2} step {3} ({4} values)")
  @CsvSource({"512, 1024, 4096, 1024, 4", "1024, 2048, 8192, 1024, 7", "2048, 4096, 16384, 1024, 13",
      "4096, 8192, 30720, 1024, 23", "8192, 16384, 61440, 4096, 12", "16384, 32768, 122880, 8192, 12"})
  void memoryValues_followTheStepTable(int cpu, int min, int max, int step, int count) {
    var values = Fargate.memoryValues(cpu);
    assertEquals(count, values.size());
    assertEquals(min, values.get(0));
    assertEquals(max, values.get(values.size() - 1));
    assertEquals(step, values.get(1) - values.get(0));
  }

  @Test
  void unknownCpu_hasNoMemoryValues() {
    assertEquals(List.of(), Fargate.memoryValues(300));
    assertFalse(Fargate.isValidCpu(300));
  }

  @ParameterizedTest
  @CsvSource({"256, 512", "1024, 8192", "8192, 16384", "16384, 122880"})
  void validPairs_areAccepted(int cpu, int memory) {
    assertTrue(Fargate.isValid(cpu, memory));
  }

  @ParameterizedTest
  @CsvSource({"256, 4096", "512, 512", "8192, 18432", "16384, 36864", "300, 512"})
  void invalidPairs_areRejected(int cpu, int memory) {
    assertFalse(Fargate.isValid(cpu, memory));
  }
}
