package org.bgwizard.aws;

import java.util.Optional;
import java.util.function.Supplier;

/** A value built on first use, once, even when several threads ask at the same time. A failure is not kept. */
final class Lazy<T> {
  private final Supplier<T> supplier;
  private volatile T value;

  Lazy(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = supplier.get();
          value = v;
        }
      }
    }
    return v;
  }

  Optional<T> ifBuilt() {
    return Optional.ofNullable(value);
  }
}
