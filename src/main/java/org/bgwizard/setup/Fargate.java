package org.bgwizard.setup;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The task sizes Fargate accepts (ECS API Reference, RegisterTaskDefinition): each CPU value allows a fixed set of
 * memory values.
 */
public final class Fargate {
  private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = Map.of(
      256, List.of(512, 1024, 2048),
      512, steps(1024, 4096, 1024),
      1024, steps(2048, 8192, 1024),
      2048, steps(4096, 16384, 1024),
      4096, steps(8192, 30720, 1024),
      8192, steps(16384, 61440, 4096),
      16384, steps(32768, 122880, 8192));

  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(vcpu|gb)?");
  private static final List<Integer> CPU_VALUES = MEMORY_BY_CPU.keySet().stream().sorted().toList();

  private Fargate() {}

  /** CPU units Fargate accepts, smallest first. */
  public static List<Integer> cpuValues() {
    return CPU_VALUES;
  }

  /** Memory values (MiB) valid with {@code cpu}, smallest first; empty when {@code cpu} is not a Fargate size. */
  public static List<Integer> memoryValues(int cpu) {
    return MEMORY_BY_CPU.getOrDefault(cpu, List.of());
  }

  public static boolean isValidCpu(int cpu) {
    return MEMORY_BY_CPU.containsKey(cpu);
  }

  public static boolean isValid(int cpu, int memory) {
    return memoryValues(cpu).contains(memory);
  }

  private static List<Integer> steps(int from, int to, int step) {
    return IntStream.iterate(from, m -> m <= to, m -> m + step).boxed().toList();
  }

  /**
   * CPU units or MiB from a task definition value as ECS accepts it: {@code 256}, {@code "256"},
   * {@code "1 vCPU"}, {@code "2 GB"}; empty when it is none of these.
   */
  public static java.util.Optional<Integer> parseSize(String value) {
    var m = SIZE.matcher(value.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    double number = Double.parseDouble(m.group(1));
    return java.util.Optional.of((int) Math.round(m.group(2) == null ? number : number * 1024));
  }
}
