package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  private static final URI LOCALSTACK = URI.create("http://localhost:4566");

  @Test
  void endpointMode_withoutUrl_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Connection(Connection.Mode.ENDPOINT, null, null, null));
  }

  @Test
  void url_outsideEndpointMode_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Connection(Connection.Mode.PROFILE, null, "us-east-1", LOCALSTACK));
  }

  @Test
  void sandbox_withProfile_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Connection(Connection.Mode.SANDBOX, "dev", "us-east-1", null));
  }

  @Test
  void blankProfileAndRegion_meanTheSdkChains() {
    Connection c = Connection.profile("  ", "");

    assertNull(c.profile());
    assertNull(c.region());
    assertEquals("default", c.profileForAdvice());
  }

  @Test
  void settings_withNoAttempt_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AwsClientSettings(Duration.ofSeconds(10),
        Duration.ofSeconds(5), 0, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20)));
  }

  @Test
  void settings_withAttemptTimeoutLongerThanCallTimeout_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AwsClientSettings(Duration.ofSeconds(5),
        Duration.ofSeconds(10), 3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20)));
  }
}
