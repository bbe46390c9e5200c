package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Whether the Start page can offer default credentials: what the chain finds, without calling AWS. */
class DefaultChainTest {

  @Test
  void credentialsFound_areOffered_withTheChainsRegion() {
    assertEquals(Optional.of(new DefaultChain("ca-central-1")),
        DefaultChain.find(TestEnvironment.withFakeKeys("ca-central-1")));
  }

  @Test
  void credentialsFound_withoutRegion_areOfferedWithNone() {
    assertEquals(Optional.of(new DefaultChain(null)), DefaultChain.find(TestEnvironment.withFakeKeys(null)));
  }

  @Test
  void nothingFound_offersNothing(@TempDir Path dir) throws Exception {
    assertEquals(Optional.empty(), DefaultChain.find(TestEnvironment.withoutCredentials(dir)));
  }

  @Test
  void theChain_isClosedAfterLooking() {
    var closed = new AtomicBoolean();
    class Closing implements AwsCredentialsProvider, SdkAutoCloseable {
      @Override
      public AwsCredentials resolveCredentials() {
        return TestEnvironment.FAKE_KEYS.resolveCredentials();
      }

      @Override
      public void close() {
        closed.set(true);
      }
    }

    DefaultChain.find(TestEnvironment.withFakeKeys(null).withCredentials(new Closing()));

    assertTrue(closed.get());
  }
}
