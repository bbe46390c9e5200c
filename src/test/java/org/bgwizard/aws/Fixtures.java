package org.bgwizard.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Recorded AWS answers under src/test/resources/org/bgwizard/aws, and settings that keep retries quick. */
final class Fixtures {
  /** Three attempts like the SDK default, but backing off by a millisecond or so instead of seconds. */
  static final AwsClientSettings QUICK = new AwsClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), 3,
      Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5));

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** STS's query-protocol error document with {@code code} and {@code message}. */
  static String stsError(String code, String message) {
    return read("sts-error.xml").formatted(code, message);
  }
}
