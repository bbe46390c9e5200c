package org.bgwizard.provision;

/** One call to AWS (or a poll of its state), as the {@link Retrier} and {@link Waiter} run it. */
@FunctionalInterface
public interface Call<T> {
  T call() throws Exception;
}
