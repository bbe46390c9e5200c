package org.bgwizard.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class BackgroundExecutorTest {
  private final List<String> calls = new ArrayList<>();

  @Test
  void currentThread_success_callsOnSuccessWithTheValue_thenAndFinally() {
    new CurrentThreadExecutor().submit(BackgroundTask.of(() -> 42)
        .onSuccess(value -> calls.add("success " + value))
        .onError(error -> calls.add("error"))
        .andFinally(() -> calls.add("finally")));

    assertEquals(List.of("success 42", "finally"), calls);
  }

  @Test
  void currentThread_failure_callsOnErrorWithTheException_thenAndFinally() {
    var failure = new IOException("no route");
    new CurrentThreadExecutor().submit(BackgroundTask.<Integer>of(() -> {
      throw failure;
    }).onSuccess(value -> calls.add("success")).onError(error -> {
      assertSame(failure, error);
      calls.add("error");
    }).andFinally(() -> calls.add("finally")));

    assertEquals(List.of("error", "finally"), calls);
  }

  @Test
  void currentThread_failureWithoutOnError_stillRunsAndFinally() {
    new CurrentThreadExecutor().submit(BackgroundTask.of(() -> {
      throw new IllegalStateException("logged, not swallowed");
    }).andFinally(() -> calls.add("finally")));

    assertEquals(List.of("finally"), calls);
  }

  @Test
  void fx_runsTheWorkOffTheFxThread_andTheCallbacksOnIt() throws Exception {
    var workOnFxThread = new CompletableFuture<Boolean>();
    var outcome = new CompletableFuture<String>();
    try (var executor = new FxBackgroundExecutor(2)) {
      executor.submit(BackgroundTask.of(() -> {
        workOnFxThread.complete(Platform.isFxApplicationThread());
        return "done";
      }).onSuccess(value -> outcome.complete(value + " on fx " + Platform.isFxApplicationThread())));

      assertEquals(false, workOnFxThread.get(10, TimeUnit.SECONDS));
      assertEquals("done on fx true", outcome.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void fx_hold_keepsLaterTasksWaiting_untilReleased() throws Exception {
    var released = new java.util.concurrent.atomic.AtomicBoolean();
    var ranAfterRelease = new CompletableFuture<Boolean>();
    var second = new CompletableFuture<Boolean>();
    try (var executor = new FxBackgroundExecutor(2)) {
      Runnable release = executor.hold();
      executor.submit(BackgroundTask.of(() -> released.get()).onSuccess(ranAfterRelease::complete));
      executor.submit(BackgroundTask.of(() -> released.get()).onSuccess(second::complete));

      released.set(true);
      release.run();

      assertTrue(ranAfterRelease.get(10, TimeUnit.SECONDS), "a task ran while held");
      assertTrue(second.get(10, TimeUnit.SECONDS), "a task ran while held");
    }
  }

  @Test
  void fx_failure_reachesOnError_andAndFinally_onTheFxThread() throws Exception {
    var error = new CompletableFuture<Throwable>();
    var finallyOnFx = new CompletableFuture<Boolean>();
    try (var executor = new FxBackgroundExecutor(1)) {
      executor.submit(BackgroundTask.of(() -> {
        throw new IOException("throttled");
      }).onError(error::complete).andFinally(() -> finallyOnFx.complete(Platform.isFxApplicationThread())));

      assertEquals("throttled", error.get(10, TimeUnit.SECONDS).getMessage());
      assertTrue(finallyOnFx.get(10, TimeUnit.SECONDS));
    }
  }
}
