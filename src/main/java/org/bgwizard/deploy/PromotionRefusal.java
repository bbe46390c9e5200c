package org.bgwizard.deploy;

import java.util.List;

/**
 * Why a change does not move from environment A to the next one ({@code deploy promote}, the overview's Promote):
 * a kind and its values, so each face words it in its own language. {@link #english()} is the command line's text.
 *
 * @param values the kind's values, in the order its constant lists them ("" where a value is not known)
 */
public record PromotionRefusal(Kind kind, List<String> values) {
  public PromotionRefusal {
    values = List.copyOf(values);
    if (values.size() != kind.arity) {
      throw new IllegalArgumentException(kind + " takes " + kind.arity + " values: " + values);
    }
  }

  public enum Kind {
    /** A's deployment could not be read. Values: A, why ("" when not known). */
    UNREADABLE(2),
    /** A's newest pipeline run has not Succeeded. Values: A, run id, pipeline, status, where and why it failed. */
    RUN_NOT_SUCCEEDED(5),
    /** A has no deployment yet. Values: A. */
    NO_DEPLOYMENT(1),
    /** A's latest deployment did not succeed. Values: A, deployment id, status, the status wanted, error message. */
    DEPLOYMENT_NOT_SUCCEEDED(5),
    /** A's branch does not exist. Values: A, A's branch, repository. */
    NO_BRANCH(3),
    /** A's branch is ahead of what A deployed. Values: A, A's branch, its head (short), the deployed commit. */
    NOT_DEPLOYED_YET(4),
    /** B's branch has commits A's lacks. Values: A, B, A's branch, B's branch, repository. */
    DIVERGED(5);

    private final int arity;

    Kind(int arity) {
      this.arity = arity;
    }
  }

  public static PromotionRefusal of(Kind kind, String... values) {
    return new PromotionRefusal(kind, List.of(values));
  }

  public String value(int i) {
    return values.get(i);
  }

  /** Whether A's deployment state refused it (rather than its branch). */
  public boolean aboutTheDeployment() {
    return kind.ordinal() <= Kind.DEPLOYMENT_NOT_SUCCEEDED.ordinal();
  }

  /** The refusal in English, as {@code deploy promote} prints it after "refused: ". */
  public String english() {
    String a = value(0);
    String promoted = ": only a change " + a + " has deployed successfully is promoted";
    return switch (kind) {
      case UNREADABLE -> "could not read " + a + "'s deployment" + (value(1).isBlank() ? "" : ": " + value(1));
      case RUN_NOT_SUCCEEDED -> a + "'s latest pipeline run " + value(1) + " of " + value(2) + " is " + value(3)
          + (value(4).isEmpty() ? "" : " (failed at " + value(4) + ")") + promoted;
      case NO_DEPLOYMENT -> a + " has no deployment yet: deploy there first";
      case DEPLOYMENT_NOT_SUCCEEDED -> a + "'s last deployment " + value(1) + " is " + value(2) + ", not " + value(3)
          + (value(4).isBlank() ? "" : " (" + value(4) + ")") + promoted;
      case NO_BRANCH -> a + "'s branch " + value(1) + " does not exist in the repository " + value(2);
      case NOT_DEPLOYED_YET -> a + "'s branch " + value(1) + " is at " + value(2) + ", but its last successful run"
          + " deployed " + value(3) + ": wait until " + a + " has deployed " + value(2);
      case DIVERGED -> value(1) + "'s branch " + value(3) + " has commits " + a + "'s branch " + value(2)
          + " lacks (the branches have diverged), so it cannot be fast-forwarded. Merge by hand in a clone of "
          + value(4) + ": git fetch && git checkout " + value(3) + " && git merge origin/" + value(2)
          + " && git push (the push starts " + value(1) + "'s pipeline)";
    };
  }
}
