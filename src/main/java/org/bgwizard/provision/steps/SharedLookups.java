package org.bgwizard.provision.steps;

import java.util.HashMap;
import java.util.Map;
import org.bgwizard.provision.Call;

/**
 * Reads that several steps' lookups share within one discovery (every role with its inline policies, the load
 * balancer both listeners hang on, its listeners, the security groups of the VPC), made once: an apply with nothing to change then costs planning's
 * reads only. Holds what it read, so it is for looking up before a run, never for deciding during one. Keys name what
 * was read (the load balancer, the target groups, the group): the environments of a setup share one discovery.
 */
final class SharedLookups {
  private final Map<String, Object> read = new HashMap<>();

  @SuppressWarnings("unchecked")
  synchronized <T> T once(String key, Call<T> call) throws Exception {
    if (!read.containsKey(key)) {
      read.put(key, call.call());
    }
    return (T) read.get(key);
  }
}
