package org.bgwizard.aws;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An {@link SdkClientSource} that counts how often each client is asked for and hands out stand-in clients
 * that only remember being closed; {@code sts} can be replaced by a real one (e.g. the sandbox's).
 */
final class CountingSource {
  final Map<String, AtomicInteger> builds = new ConcurrentHashMap<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  private final Supplier<StsClient> sts;

  CountingSource(Supplier<StsClient> sts) {
    this.sts = sts;
  }

  CountingSource() {
    this(null);
  }

  int builds(String client) {
    return builds.getOrDefault(client, new AtomicInteger()).get();
  }

  SdkClientSource source() {
    return (SdkClientSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SdkClientSource.class},
        (proxy, method, args) -> {
          builds.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
          if (sts != null && method.getName().equals("sts")) {
            return sts.get();
          }
          return standIn(method.getName(), method.getReturnType());
        });
  }

  private Object standIn(String name, Class<?> type) {
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("close")) {
        closed.add(name);
        return null;
      }
      if (method.getName().equals("serviceName")) {
        return name;
      }
      throw new UnsupportedOperationException(name + "." + method.getName());
    });
  }
}
