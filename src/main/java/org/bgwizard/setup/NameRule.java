package org.bgwizard.setup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A naming rule as the validator checks it ({@link AwsNames} decides acceptance) and as a message explains it:
 * which characters, how long, how it may start and end. {@link #faults} says what is wrong with a name, so that a
 * message leads with that (upper-case letters, a space) and mentions the length only when the length is wrong.
 */
final class NameRule {
  private static final IntPredicate ANY = c -> true;
  private static final IntPredicate LOWER_DIGIT = c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  private static final IntPredicate ALNUM = c -> c < 128 && Character.isLetterOrDigit(c);

  static final NameRule SETUP = new NameRule(AwsNames::isSetupName, true, chars("-"), 2, 24,
      c -> c >= 'a' && c <= 'z', LOWER_DIGIT);
  static final NameRule ENVIRONMENT = new NameRule(AwsNames::isEnvironmentName, true, c -> false, 1, 10,
      c -> c >= 'a' && c <= 'z', LOWER_DIGIT);
  static final NameRule SNS_TOPIC = new NameRule(AwsNames::isSnsTopicName, false, chars("-_"), 1, 256, ANY, ANY);
  static final NameRule ECS = new NameRule(AwsNames::isEcsName, false, chars("-_"), 1, 255, ANY, ANY);
  static final NameRule ECR = new NameRule(AwsNames::isEcrRepositoryName, true, chars("._-/"), 2, 256,
      LOWER_DIGIT, LOWER_DIGIT);
  static final NameRule ELB = new NameRule(AwsNames::isTargetGroupName, false, chars("-"), 1, 32, ALNUM, ALNUM);
  static final NameRule LOG_GROUP = new NameRule(AwsNames::isLogGroupName, false, chars(".-_/#"), 1, 512, ANY, ANY);
  static final NameRule CODEDEPLOY = new NameRule(AwsNames::isCodeDeployName, false, ANY, 1, 100, ANY, ANY);
  static final NameRule CODEBUILD = new NameRule(AwsNames::isCodeBuildProjectName, false, chars("-_"), 2, 150,
      ALNUM, ANY);
  static final NameRule CODECOMMIT = new NameRule(AwsNames::isCodeCommitRepositoryName, false, chars("._-"), 1,
      100, ANY, ANY);
  static final NameRule S3 = new NameRule(AwsNames::isS3BucketName, true, chars(".-"), 3, 63, LOWER_DIGIT,
      LOWER_DIGIT);
  static final NameRule PIPELINE = new NameRule(AwsNames::isPipelineName, false, chars(".@-_"), 1, 100, ANY, ANY);
  static final NameRule IAM_ROLE = new NameRule(AwsNames::isIamRoleName, false, chars("+=,.@_-"), 1, 64, ANY,
      ANY);

  private final Predicate<String> accepts;
  private final boolean lowerCaseOnly;
  private final IntPredicate allowed;
  private final int min;
  private final int max;
  private final IntPredicate first;
  private final IntPredicate last;

  private NameRule(Predicate<String> accepts, boolean lowerCaseOnly, IntPredicate others, int min, int max,
      IntPredicate first, IntPredicate last) {
    this.accepts = accepts;
    this.lowerCaseOnly = lowerCaseOnly;
    this.allowed = c -> ALNUM.test(c) || others.test(c);
    this.min = min;
    this.max = max;
    this.first = first;
    this.last = last;
  }

  private static IntPredicate chars(String punctuation) {
    return c -> punctuation.indexOf(c) >= 0;
  }

  boolean accepts(String name) {
    return accepts.test(name);
  }

  /** What is wrong with {@code name}, most telling first; the length only when it is out of range. */
  NameFaults faults(String name) {
    Set<String> upper = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    long spaces = name.chars().filter(c -> c == ' ').count();
    name.codePoints().forEach(c -> {
      if (lowerCaseOnly && Character.isUpperCase(c)) {
        upper.add(Character.toString(c));
      } else if (c != ' ' && !allowed.test(c)) {
        others.add(Character.toString(c));
      }
    });
    var faults = new ArrayList<NameFaults.Fault>();
    if (!upper.isEmpty()) {
      faults.add(new NameFaults.Fault("upper", String.join(", ", upper), upper.size()));
    }
    if (spaces > 0) {
      faults.add(new NameFaults.Fault("space", "", spaces));
    }
    if (!others.isEmpty()) {
      faults.add(new NameFaults.Fault("chars", others.stream().collect(Collectors.joining(" ")), others.size()));
    }
    int length = name.codePointCount(0, name.length());
    if (length < min) {
      faults.add(new NameFaults.Fault("short", "", length));
    } else if (length > max) {
      faults.add(new NameFaults.Fault("long", "", length));
    }
    if (length > 0) {
      edge(name.codePointAt(0), first, "start", faults);
      edge(name.codePointBefore(name.length()), last, "end", faults);
    }
    if (faults.isEmpty()) {
      faults.add(new NameFaults.Fault("form", "", 0));
    }
    return new NameFaults(List.copyOf(faults));
  }

  /** A first or last character the rule allows elsewhere but not there (others are reported already). */
  private void edge(int c, IntPredicate rule, String kind, List<NameFaults.Fault> faults) {
    boolean reported = lowerCaseOnly && Character.isUpperCase(c) || c == ' ' || !allowed.test(c);
    if (!reported && !rule.test(c)) {
      faults.add(new NameFaults.Fault(kind, Character.toString(c), 1));
    }
  }
}
