package org.bgwizard.provision.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.Call;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.TransientErrorClassifier;

/**
 * The setup's tags (its own {@code bgwizard:setup} and the user's {@code tags}) that a resource of this setup lacks
 * or carries with another value: apply adds them with the kind's tagging call, which leaves every other tag as it is.
 * A resource without the setup's tag is the user's (or its owner is settled by the journal) and is never tagged.
 *
 * <p>For the {@link #CONVERGED} kinds the journal also records which tags apply last gave a resource (its {@code tags}
 * output): a key dropped from the setup since is removed, and while the setup's tags equal the record, planning reads
 * no tags at all (an apply with nothing changed stays within its reads, issue 13); a resource without a record (a
 * journal of an older version, or rebuilt from the account) has its tags read.
 */
final class TagChanges {
  /** The kinds whose tags {@link Convergence} and {@link AwsStep#convergeTags} keep in line; the others do it in their own steps. */
  static final Set<ResourceKind> CONVERGED = EnumSet.of(ResourceKind.SECURITY_GROUP, ResourceKind.LOG_GROUP,
      ResourceKind.BUCKET, ResourceKind.TARGET_GROUP, ResourceKind.LOAD_BALANCER, ResourceKind.LISTENER,
      ResourceKind.CLUSTER, ResourceKind.SERVICE, ResourceKind.TASK_DEFINITION, ResourceKind.CODEDEPLOY_APPLICATION,
      ResourceKind.DEPLOYMENT_GROUP, ResourceKind.CODECOMMIT_REPOSITORY);
  /** The journal output that records the tags apply last gave a resource. */
  static final String OUTPUT = "tags";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TagChanges() {}

  /** The record of {@code tags} for the journal. */
  static String record(Map<String, String> tags) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(tags));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tags a journal entry records apply last gave its resource; empty when it records none. */
  static Optional<Map<String, String>> recorded(Optional<JournalEntry> entry) {
    return entry.flatMap(e -> e.output(OUTPUT)).map(text -> {
      try {
        return JSON.readValue(text, new TypeReference<TreeMap<String, String>>() { });
      } catch (JsonProcessingException e) {
        return null;
      }
    });
  }

  /** The keys apply gave before, the setup no longer has, and the resource still carries: apply removes them. */
  static Set<String> removed(Map<String, String> recorded, Map<String, String> wanted, Map<String, String> found) {
    var out = new TreeSet<>(recorded.keySet());
    out.removeAll(wanted.keySet());
    out.retainAll(found.keySet());
    return out;
  }

  /** One change per tag added, changed ({@code tag team: none → blue}) or removed ({@code tag team: blue → removed}). */
  static List<Change> changes(Map<String, String> found, Map<String, String> add, Set<String> remove) {
    var out = new ArrayList<Change>();
    add.forEach((k, v) -> out.add(new Change("tag " + k, found.getOrDefault(k, "none"), v)));
    remove.forEach(k -> out.add(new Change("tag " + k, found.get(k), "removed")));
    return out;
  }

  /** The AWS CLI commands that make the same tag changes on a resource of {@code kind}. */
  static String command(ResourceKind kind, String name, String id, Map<String, String> found, Map<String, String> add,
      Set<String> remove) {
    String keys = String.join(" ", remove);
    String shorthand = cliList(add);
    String map = String.join(",", add.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    var commands = new ArrayList<String>();
    switch (kind) {
      case SECURITY_GROUP -> {
        when(!add.isEmpty(), commands, "aws ec2 create-tags --resources " + id + " --tags " + shorthand);
        when(!remove.isEmpty(), commands, "aws ec2 delete-tags --resources " + id + " --tags "
            + String.join(" ", remove.stream().map(k -> "Key=" + k).toList()));
      }
      case LOG_GROUP -> {
        when(!add.isEmpty(), commands, "aws logs tag-resource --resource-arn " + id + " --tags " + map);
        when(!remove.isEmpty(), commands, "aws logs untag-resource --resource-arn " + id + " --tag-keys " + keys);
      }
      case BUCKET -> {
        var all = new TreeMap<>(found);
        all.putAll(add);
        all.keySet().removeAll(remove);
        commands.add(all.isEmpty() ? "aws s3api delete-bucket-tagging --bucket " + name
            : "aws s3api put-bucket-tagging --bucket " + name + " --tagging 'TagSet=[" + String.join(",", all.entrySet()
                .stream().map(e -> "{Key=" + e.getKey() + ",Value=" + e.getValue() + "}").toList()) + "]'");
      }
      case TARGET_GROUP, LOAD_BALANCER, LISTENER -> {
        when(!add.isEmpty(), commands, "aws elbv2 add-tags --resource-arns " + id + " --tags " + shorthand);
        when(!remove.isEmpty(), commands, "aws elbv2 remove-tags --resource-arns " + id + " --tag-keys " + keys);
      }
      case CLUSTER, SERVICE, TASK_DEFINITION -> {
        when(!add.isEmpty(), commands, "aws ecs tag-resource --resource-arn " + id + " --tags "
            + shorthand.replace("Key=", "key=").replace(",Value=", ",value="));
        when(!remove.isEmpty(), commands, "aws ecs untag-resource --resource-arn " + id + " --tag-keys " + keys);
      }
      case CODEDEPLOY_APPLICATION, DEPLOYMENT_GROUP -> {
        when(!add.isEmpty(), commands, "aws deploy tag-resource --resource-arn " + id + " --tags " + shorthand);
        when(!remove.isEmpty(), commands, "aws deploy untag-resource --resource-arn " + id + " --tag-keys " + keys);
      }
      case CODECOMMIT_REPOSITORY -> {
        when(!add.isEmpty(), commands, "aws codecommit tag-resource --resource-arn " + id + " --tags " + map);
        when(!remove.isEmpty(), commands, "aws codecommit untag-resource --resource-arn " + id + " --tag-keys " + keys);
      }
      default -> throw new IllegalArgumentException(kind + " keeps its tags in its own step");
    }
    return String.join(" && ", commands);
  }

  private static void when(boolean needed, List<String> commands, String command) {
    if (needed) {
      commands.add(command);
    }
  }

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
