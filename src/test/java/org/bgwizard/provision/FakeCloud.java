package org.bgwizard.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A stand-in for AWS: resources by ref, duplicates allowed (so tests can count them), every call logged. */
final class FakeCloud {
  record Resource(ResourceRef ref, String id, String token) {}

  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(ResourceRef ref) {
      super(ref + " does not exist");
    }
  }

  private final List<Resource> resources = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private int nextId = 1;

  synchronized Optional<Resource> find(ResourceRef ref) {
    return resources.stream().filter(r -> r.ref().equals(ref)).findFirst();
  }

  synchronized Resource create(ResourceRef ref, String token) {
    var r = new Resource(ref, "id-" + nextId++, token);
    resources.add(r);
    calls.add("create " + ref);
    return r;
  }

  synchronized void bring(ResourceRef ref) {
    resources.add(new Resource(ref, "users-" + nextId++, null));
  }

  synchronized void delete(ResourceRef ref) {
    Resource r = find(ref).orElseThrow(() -> new NotFound(ref));
    resources.remove(r);
    calls.add("delete " + ref);
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** How many of each resource exist. */
  synchronized Map<ResourceRef, Integer> counts() {
    var counts = new TreeMap<ResourceRef, Integer>();
    resources.forEach(r -> counts.merge(r.ref(), 1, Integer::sum));
    return counts;
  }

  synchronized Set<ResourceRef> existing() {
    return new TreeSet<>(counts().keySet());
  }
}
