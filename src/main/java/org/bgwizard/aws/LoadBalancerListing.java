package org.bgwizard.aws;

import java.util.List;

/** A load balancer with its listeners, as the "use existing" picker shows it. */
public record LoadBalancerListing(LoadBalancerInfo loadBalancer, List<ListenerInfo> listeners) {
  public LoadBalancerListing {
    listeners = List.copyOf(listeners);
  }
}
