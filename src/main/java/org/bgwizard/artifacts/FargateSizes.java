package org.bgwizard.artifacts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** The task CPU/memory pairs Fargate accepts (reference/aws-behaviour.md B6). */
final class FargateSizes {
  private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = Map.of(
      256, List.of(512, 1024, 2048),
      512, steps(1024, 4096, 1024),
      1024, steps(2048, 8192, 1024),
      2048, steps(4096, 16384, 1024),
      4096, steps(8192, 30720, 1024),
      8192, steps(16384, 61440, 4096),
      16384, steps(32768, 122880, 8192));
  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(vcpu|gb)?");

  private FargateSizes() {}

  static boolean isValid(int cpu, int memory) {
    return MEMORY_BY_CPU.getOrDefault(cpu, List.of()).contains(memory);
  }

  /** CPU units or MiB from a task definition value: {@code 256}, {@code "256"}, {@code "1 vCPU"}, {@code "2 GB"}. */
  static Optional<Integer> parse(String value) {
    var m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    double number = Double.parseDouble(m.group(1));
    return Optional.of((int) Math.round(m.group(2) == null ? number : number * 1024));
  }

  private static List<Integer> steps(int from, int to, int step) {
    return IntStream.iterate(from, m -> m <= to, m -> m + step).boxed().toList();
  }
}
