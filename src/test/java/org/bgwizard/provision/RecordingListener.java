package org.bgwizard.provision;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event; the engine calls it from one thread. */
final class RecordingListener implements ProvisionListener {
  final List<StepEvent> events = new ArrayList<>();
  final List<Progress> progress = new ArrayList<>();

  @Override
  public void onStep(StepEvent event) {
    events.add(event);
  }

  @Override
  public void onProgress(Progress p) {
    progress.add(p);
  }

  List<String> states(ResourceRef ref) {
    return events.stream().filter(e -> e.ref().equals(ref)).map(e -> e.state().name()).distinct().toList();
  }

  List<String> messages(ResourceRef ref) {
    return events.stream().filter(e -> e.ref().equals(ref)).map(StepEvent::message).toList();
  }
}
