package org.bgwizard.sandbox.core;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Real-looking identifiers, deterministic for a given account seed so tests and saved accounts are
 * reproducible. The counter lives in the persisted state, so ids stay unique across restarts.
 */
public final class Ids {
  private static final String HEX = "0123456789abcdef";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String DIGITS = "0123456789";
  private final Supplier<SandboxState> state;

  /** {@code state} is read at each id: another process's changes may have replaced it since. */
  Ids(Supplier<SandboxState> state) {
    this.state = state;
  }

  private SplittableRandom next() {
    SandboxState s = state.get();
    return new SplittableRandom(s.seed * 31 + s.idCounter++);
  }

  private String pick(String alphabet, int n) {
    var r = next();
    var sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Lowercase hex, e.g. 17 for {@code vpc-…}, 16 for ELB ARN suffixes, 32 for ECS task ids. */
  public String hex(int n) {
    return pick(HEX, n);
  }

  /** e.g. 9 for CodeDeploy's {@code d-XXXXXXXXX}. */
  public String upperAlnum(int n) {
    return pick(UPPER_ALNUM, n);
  }

  /** e.g. 19 for {@code ecs-svc/…}; never starts with 0. */
  public String digits(int n) {
    return "123456789".charAt(next().nextInt(9)) + pick(DIGITS, n - 1);
  }

  public String uuid() {
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
        + "-" + h.substring(20, 32);
  }
}
