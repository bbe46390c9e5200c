package org.bgwizard.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opaque page tokens (base64 of an offset) for the list and describe operations of the ECS, ECR, ELBv2 and
 * CloudWatch Logs sandboxes, so the SDK's paginators walk them as they walk the real services.
 */
public final class EcsPaging {
  private static final String PREFIX = "sandbox-page:";

  private EcsPaging() {}

  public record Page<T>(List<T> items, String nextToken) {}

  /** The page of {@code all} starting at {@code token} (null = first), at most {@code max} long. */
  public static <T> Page<T> page(List<T> all, String token, int max, Supplier<RuntimeException> invalidToken) {
    int from = token == null || token.isEmpty() ? 0 : offset(token, invalidToken);
    if (from > all.size()) {
      throw invalidToken.get();
    }
    int to = Math.min(all.size(), from + max);
    return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? token(to) : null);
  }

  static String token(int offset) {
    return Base64.getEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int offset(String token, Supplier<RuntimeException> invalidToken) {
    try {
      String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!s.startsWith(PREFIX)) {
        throw invalidToken.get();
      }
      int n = Integer.parseInt(s.substring(PREFIX.length()));
      if (n < 0) {
        throw invalidToken.get();
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
  }
}
