package org.bgwizard.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a list or describe operation, and the one paginator of the simulated account: its token is opaque,
 * so the SDK's paginators walk the sandbox as they walk the real services.
 *
 * <p>AWS documents the token only as opaque: "the nextToken value to include in a future ListServices request …
 * This value is null when there are no more results to return" (Amazon ECS API Reference, ListServices), "a unique
 * pagination token for each page … Keep all other arguments unchanged" (Amazon EventBridge API Reference,
 * ListRules, NextToken). What a token resumes from when the list changed between pages is not documented, so the
 * sandbox keeps the two resumptions its services have always had; they differ only when items are added or
 * removed between two pages:
 * <ul>
 *   <li>{@link #of} (by key): the token names the last key returned and resumes after it; if that item is gone,
 *       after the keys that sort before it (lists in ascending key order), so deleting items between pages neither
 *       skips nor repeats the others. IAM, EC2, S3, CodeCommit, CodeBuild, CodeDeploy, CodePipeline, SNS, Secrets
 *       Manager, EventBridge and CodeConnections page so.</li>
 *   <li>{@link #byPosition} (by position): the token is the offset of the next item, so a deletion before it
 *       skips one item and an insertion repeats one. ECS, ECR, Elastic Load Balancing and CloudWatch Logs page
 *       so.</li>
 * </ul>
 */
public record ListPage<T>(List<T> items, String nextToken) {
  private static final String POSITION_PREFIX = "sandbox-page:";

  /**
   * Pages {@code sorted} from after {@code token}; {@code badToken} is the service's error for a token it did
   * not issue.
   */
  public static <T> ListPage<T> of(List<T> sorted, Function<T, String> key, String token, int max,
      Supplier<RuntimeException> badToken) {
    if (max < 1) {
      throw new IllegalArgumentException("a page holds at least one item, max was " + max);
    }
    int start = 0;
    if (token != null && !token.isEmpty()) {
      String after = decode(token, badToken);
      start = -1;
      for (int i = 0; i < sorted.size() && start < 0; i++) {
        if (key.apply(sorted.get(i)).equals(after)) {
          start = i + 1;
        }
      }
      if (start < 0) {
        start = 0;
        while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
          start++;
        }
      }
    }
    int end = (int) Math.min(sorted.size(), (long) start + max);
    List<T> items = List.copyOf(sorted.subList(start, end));
    String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
    return new ListPage<>(items, next);
  }

  /**
   * The page of {@code all} starting at the position {@code token} names (null or empty = first), at most
   * {@code max} long; {@code invalidToken} is the service's error for a token it did not issue or one past the end.
   */
  public static <T> ListPage<T> byPosition(List<T> all, String token, int max,
      Supplier<RuntimeException> invalidToken) {
    int from = token == null || token.isEmpty() ? 0 : offset(token, invalidToken);
    if (from > all.size()) {
      throw invalidToken.get();
    }
    int to = Math.min(all.size(), from + max);
    return new ListPage<>(List.copyOf(all.subList(from, to)), to < all.size() ? positionToken(to) : null);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("k1:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, Supplier<RuntimeException> badToken) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("k1:")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the service's error
    }
    throw badToken.get();
  }

  private static String positionToken(int offset) {
    return Base64.getEncoder().encodeToString((POSITION_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, Supplier<RuntimeException> invalidToken) {
    try {
      String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!s.startsWith(POSITION_PREFIX)) {
        throw invalidToken.get();
      }
      int n = Integer.parseInt(s.substring(POSITION_PREFIX.length()));
      if (n < 0) {
        throw invalidToken.get();
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
  }
}
