package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.bgwizard.aws.ConnectionProblem.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionProblemTest {

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyKind_hasEnglishAndJapaneseAdvice(Kind kind) {
    var problem = new ConnectionProblem(kind, null, "dev", "eu-west-1", "req-1");

    String english = problem.message(Locale.ROOT);
    String japanese = problem.message(Locale.JAPANESE);

    assertEquals(english, problem.getMessage());
    assertFalse(english.contains("{"), english);
    assertFalse(japanese.contains("{"), japanese);
    assertNotEquals(english, japanese);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = "CLOCK_SKEW")
  void apostrophes_surviveMessageFormat(Kind kind) {
    assertTrue(new ConnectionProblem(kind, null, "x").getMessage().startsWith("This computer's clock"));
  }
}
