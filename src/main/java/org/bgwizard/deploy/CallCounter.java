package org.bgwizard.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the API calls made through a {@link DeploymentReader} or {@link NativeDeploymentReader} (one per method
 * call) and when they were made.
 */
public final class CallCounter {
  private static final int KEPT = 10_000;
  private final Clock clock;
  private final Deque<Instant> times = new ArrayDeque<>();
  private long total;

  public CallCounter(Clock clock) {
    this.clock = clock;
  }

  /** {@code reader} with every call counted here. */
  public DeploymentReader wrap(DeploymentReader reader) {
    return wrap(DeploymentReader.class, reader);
  }

  /** {@code reader}, an interface of one API call per method, with every call counted here. */
  public <T> T wrap(Class<T> type, T reader) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(),
        new Class<?>[] {type}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(reader, args);
          }
          record();
          try {
            return method.invoke(reader, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }

  private synchronized void record() {
    total++;
    times.addLast(clock.instant());
    if (times.size() > KEPT) {
      times.removeFirst();
    }
  }

  public synchronized long total() {
    return total;
  }

  /** Calls made in [from, to). */
  public synchronized long between(Instant from, Instant to) {
    return times.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
  }
}
