package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bgwizard.sandbox.core.ManualClock;
import org.bgwizard.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** When clients are built, how many, who closes them; the sandbox behind the same API. */
class AwsClientsLifecycleTest {

  @Test
  void creating_buildsNoClient() {
    var counting = new CountingSource();
    try (AwsClients aws = AwsClients.sandbox(counting.source(), "us-east-1")) {
      assertTrue(counting.builds.isEmpty());
      assertTrue(aws.simulated());
    }
  }

  @Test
  void creatingRealClients_checksNothingUntilFirstUse() {
    try (AwsClients aws = AwsClients.real(Connection.profile(null, "mars-north-1"), Fixtures.QUICK,
        TestEnvironment.withFakeKeys(null))) {
      assertThrows(ConnectionProblem.class, aws::ecs);
    }
  }

  @Test
  void eachClient_isBuiltOnce_andReused() {
    var counting = new CountingSource();
    try (AwsClients aws = AwsClients.sandbox(counting.source(), "us-east-1")) {
      assertSame(aws.ecs(), aws.ecs());
      aws.sns();

      assertEquals(1, counting.builds("ecs"));
      assertEquals(1, counting.builds("sns"));
      assertEquals(0, counting.builds("s3"));
    }
  }

  @Test
  void threadsAskingAtOnce_getTheSameSingleClient() throws Exception {
    var counting = new CountingSource();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (AwsClients aws = AwsClients.sandbox(counting.source(), "us-east-1")) {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<EcsClient>> asks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        asks.add(() -> {
          start.await();
          return aws.ecs();
        });
      }
      List<Future<EcsClient>> answers = new ArrayList<>();
      asks.forEach(ask -> answers.add(pool.submit(ask)));
      start.countDown();
      for (Future<EcsClient> answer : answers) {
        assertSame(answers.get(0).get(), answer.get());
      }
      assertEquals(1, counting.builds("ecs"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sandbox_whoAmI_isTheSimulatedAccount() {
    Sandbox sandbox = Sandbox.inMemory("ap-northeast-1", ManualClock.startingAt("2025-01-01T00:00:00Z"));
    var source = new CountingSource(sandbox::sts).source();
    try (AwsClients aws = AwsClients.sandbox(source, "ap-northeast-1")) {
      Identity me = aws.whoAmI();

      assertEquals(Sandbox.ACCOUNT_ID, me.account());
      assertTrue(me.simulated());
      assertTrue(aws.simulated());
      assertEquals("ap-northeast-1", aws.region());
    }
  }

  @Test
  void closingSandboxClients_leavesTheSandboxsClientsOpen() {
    var counting = new CountingSource();
    AwsClients aws = AwsClients.sandbox(counting.source(), "us-east-1");
    aws.ecs();

    aws.close();

    assertTrue(counting.closed.isEmpty());
    assertThrows(IllegalStateException.class, aws::ecs);
  }

  @Test
  void closingRealClients_closesTheCredentialsProvider() {
    AtomicBoolean providerClosed = new AtomicBoolean();
    class ClosingProvider implements AwsCredentialsProvider, SdkAutoCloseable {
      @Override
      public AwsCredentials resolveCredentials() {
        return TestEnvironment.FAKE_KEYS.resolveCredentials();
      }

      @Override
      public void close() {
        providerClosed.set(true);
      }
    }
    AwsClients aws = AwsClients.real(Connection.profile(null, "eu-west-1"), Fixtures.QUICK,
        TestEnvironment.withFakeKeys(null).withCredentials(new ClosingProvider()));
    aws.sts();

    aws.close();

    assertTrue(providerClosed.get());
    assertThrows(IllegalStateException.class, aws::sts);
  }

  @Test
  void realClientsFactory_refusesTheSandboxMode() {
    assertThrows(IllegalArgumentException.class,
        () -> AwsClients.real(Connection.sandbox("us-east-1"), Fixtures.QUICK));
  }
}
