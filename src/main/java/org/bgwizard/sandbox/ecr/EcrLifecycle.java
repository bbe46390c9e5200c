package org.bgwizard.sandbox.ecr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.ecr.EcrState.Image;
import org.bgwizard.sandbox.core.SandboxAccount;

/**
 * ECR lifecycle policies (Amazon ECR User Guide): the JSON shape is checked when the policy is put, and the rules are
 * applied in priority order each time an image is pushed. As in ECR, an image that matches the selection of a
 * rule is never expired by a rule of lower priority. Real ECR evaluates within 24 hours; the sandbox at once.
 */
final class EcrLifecycle {
  private static final Set<String> TAG_STATUS = Set.of("tagged", "untagged", "any");
  private static final Set<String> COUNT_TYPES = Set.of("imageCountMoreThan", "sinceImagePushed");

  record Rule(int priority, String tagStatus, List<String> prefixes, List<Pattern> patterns, String countType,
      int countNumber) {}

  private EcrLifecycle() {}

  /** The rules of a policy, sorted by priority; {@code invalid} turns a reason into ECR's exception. */
  static List<Rule> parse(String text, Function<String, RuntimeException> invalid) {
    if (text == null || text.length() < 100 || text.length() > 30720) {
      throw invalid.apply("Lifecycle policy text must be between 100 and 30720 characters long");
    }
    JsonNode root;
    try {
      root = SandboxAccount.STATE_MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid.apply("Lifecycle policy validation failure: the policy is not valid JSON");
    }
    JsonNode rules = root.path("rules");
    if (!rules.isArray() || rules.isEmpty()) {
      throw invalid.apply("Lifecycle policy validation failure: object has missing required properties ([\"rules\"])");
    }
    List<Rule> out = new ArrayList<>();
    Set<Integer> priorities = new HashSet<>();
    for (JsonNode r : rules) {
      Rule rule = rule(r, invalid);
      if (!priorities.add(rule.priority())) {
        throw invalid.apply("Lifecycle policy validation failure: rulePriority " + rule.priority()
            + " is used by more than one rule");
      }
      out.add(rule);
    }
    out.sort(Comparator.comparingInt(Rule::priority));
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).tagStatus().equals("any")) {
        throw invalid.apply("Lifecycle policy validation failure: a rule with tagStatus 'any' must have the highest "
            + "rulePriority value");
      }
    }
    return out;
  }

  private static Rule rule(JsonNode r, Function<String, RuntimeException> invalid) {
    JsonNode priority = r.path("rulePriority");
    JsonNode sel = r.path("selection");
    if (!priority.canConvertToInt() || priority.asInt() < 1 || !sel.isObject()) {
      throw invalid.apply("Lifecycle policy validation failure: each rule needs an integer rulePriority of at least 1 "
          + "and a selection");
    }
    String tagStatus = sel.path("tagStatus").asText();
    if (!TAG_STATUS.contains(tagStatus)) {
      throw invalid.apply("Lifecycle policy validation failure: tagStatus must be one of tagged, untagged, any");
    }
    List<String> prefixes = strings(sel.path("tagPrefixList"));
    List<Pattern> patterns = strings(sel.path("tagPatternList")).stream().map(EcrLifecycle::wildcard).toList();
    if (tagStatus.equals("tagged") && prefixes.isEmpty() && patterns.isEmpty()) {
      throw invalid.apply("Lifecycle policy validation failure: tagPrefixList or tagPatternList is required when "
          + "tagStatus is tagged");
    }
    String countType = sel.path("countType").asText();
    if (!COUNT_TYPES.contains(countType)) {
      throw invalid.apply("Lifecycle policy validation failure: countType must be imageCountMoreThan or "
          + "sinceImagePushed");
    }
    if (countType.equals("sinceImagePushed") && !sel.path("countUnit").asText().equals("days")) {
      throw invalid.apply("Lifecycle policy validation failure: countUnit must be days when countType is "
          + "sinceImagePushed");
    }
    if (countType.equals("imageCountMoreThan") && sel.has("countUnit")) {
      throw invalid.apply("Lifecycle policy validation failure: countUnit is not allowed when countType is "
          + "imageCountMoreThan");
    }
    JsonNode count = sel.path("countNumber");
    if (!count.canConvertToInt() || count.asInt() < 1) {
      throw invalid.apply("Lifecycle policy validation failure: countNumber must be an integer of at least 1");
    }
    if (!r.path("action").path("type").asText().equals("expire")) {
      throw invalid.apply("Lifecycle policy validation failure: action type must be expire");
    }
    return new Rule(priority.asInt(), tagStatus, prefixes, patterns, countType, count.asInt());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Pattern wildcard(String pattern) {
    StringBuilder re = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }

  /** The images the rules expire now, from {@code images} (any order). */
  static Set<Image> expired(List<Rule> rules, List<Image> images, Instant now) {
    Set<Image> claimed = new HashSet<>();
    Set<Image> expired = new HashSet<>();
    for (Rule rule : rules) {
      List<Image> selected = images.stream().filter(i -> !claimed.contains(i) && selects(rule, i))
          .sorted(Comparator.comparing((Image i) -> i.pushedAt).reversed()).toList();
      claimed.addAll(selected);
      if (rule.countType().equals("imageCountMoreThan")) {
        expired.addAll(selected.subList(Math.min(rule.countNumber(), selected.size()), selected.size()));
      } else {
        Instant cutoff = now.minus(Duration.ofDays(rule.countNumber()));
        selected.stream().filter(i -> i.pushedAt.isBefore(cutoff)).forEach(expired::add);
      }
    }
    return expired;
  }

  private static boolean selects(Rule rule, Image image) {
    return switch (rule.tagStatus()) {
      case "untagged" -> image.tags.isEmpty();
      case "tagged" -> image.tags.stream().anyMatch(t -> rule.prefixes().stream().anyMatch(t::startsWith)
          || rule.patterns().stream().anyMatch(p -> p.matcher(t).matches()));
      default -> true;
    };
  }
}
