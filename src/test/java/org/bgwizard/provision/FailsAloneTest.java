package org.bgwizard.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bgwizard.provision.ProvisionResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsAloneTest {
  @TempDir
  Path dir;
  private final TestEngine engine = new TestEngine();
  private final FakeCloud cloud = new FakeCloud();
  private final RecordingListener listener = new RecordingListener();

  private static List<ResourceRef> refs(FakeStep... steps) {
    return Arrays.stream(steps).map(FakeStep::ref).toList();
  }

  @Test
  void apply_aFailureThatFailsAlone_skipsOnlyItsDependents_andReportsTheCause() throws Exception {
    var a = FakeStep.create(cloud, "a");
    var cause = new IllegalStateException("AccessDenied: not authorized");
    var b = FakeStep.create(cloud, "b", a).onApply(ctx -> {
      throw new FailsAlone(cause);
    });
    var c = FakeStep.create(cloud, "c");
    var d = FakeStep.create(cloud, "d", b);

    ProvisionResult result = engine.sequential().apply(Plan.of(List.of(a, b, c, d)),
        engine.journal(dir.resolve("setup.journal.json")), listener);

    assertEquals(Status.FAILED, result.status());
    assertEquals(refs(a, c), result.done());
    assertEquals(refs(d), result.skipped());
    ProvisionError error = result.failed().get(0);
    assertEquals(b.ref(), error.resource());
    assertEquals(cause, error.error());
  }
}
