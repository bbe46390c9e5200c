package org.bgwizard.provision.steps;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.provision.Call;
import org.bgwizard.provision.TransientErrorClassifier;

/**
 * The setup's tags (its own {@code bgwizard:setup} and the user's {@code tags}) that a resource of this setup lacks
 * or carries with another value: apply adds them with the kind's tagging call, which leaves every other tag as it is.
 * A resource without the setup's tag is the user's (or its owner is settled by the journal) and is never tagged.
 */
final class TagChanges {
  private TagChanges() {}

  /**
   * Tags as a lookup read them. A read AWS refuses (no permission to list tags) does not fail the lookup: the tags
   * are then empty, so the resource counts as the user's, and {@code error} says why to whoever asks whose it is.
   */
  record Read(Map<String, String> tags, Exception error) {
    static Read of(Call<Map<String, String>> read) throws Exception {
      try {
        return new Read(read.call(), null);
      } catch (Exception e) {
        if (new SdkErrorClassifier().classify(e) != TransientErrorClassifier.Kind.PERMANENT) {
          throw e;
        }
        return new Read(Map.of(), e);
      }
    }

    Map<String, String> orThrow() throws Exception {
      if (error != null) {
        throw error;
      }
      return tags;
    }
  }

  /** What to tag; empty for a resource that is not tagged as this setup's. */
  static Map<String, String> missing(Setup setup, Map<String, String> found) {
    return missing(setup, found, false);
  }

  /** What to tag, also on a resource without the setup's tag when {@code ours} (the journal records it so). */
  static Map<String, String> missing(Setup setup, Map<String, String> found, boolean ours) {
    var out = new TreeMap<String, String>();
    if (ours || setup.ours(found)) {
      setup.tags().forEach((key, value) -> {
        if (!value.equals(found.get(key))) {
          out.put(key, value);
        }
      });
    }
    return out;
  }

  /** The same as changes, one per tag ({@code tag team: none → blue}). */
  static List<Change> changes(Setup setup, Map<String, String> found) {
    return missing(setup, found).entrySet().stream().map(e -> new Change("tag " + e.getKey(),
        found.getOrDefault(e.getKey(), "none"), e.getValue())).toList();
  }

  /** {@code Key=team,Value=blue Key=…} for the AWS CLI's {@code --tags} shorthand lists. */
  static String cliList(Map<String, String> tags) {
    var out = new StringBuilder();
    tags.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append("Key=").append(k).append(",Value=")
        .append(v));
    return out.toString();
  }
}
