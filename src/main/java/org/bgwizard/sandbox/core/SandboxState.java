package org.bgwizard.sandbox.core;

import java.time.Instant;

/**
 * The whole simulated account as plain data. Everything a restart must keep lives here (and nothing else
 * does): the engines are stateless views over it, so saving this object saves the account.
 *
 * <p>The core keeps what belongs to the account itself (its id, region, seed, id counter, simulated time and
 * settings); each service's own state lives in the composite the composition root defines
 * ({@code org.bgwizard.sandbox.AccountState}), and a service reaches its part by type through {@link #service},
 * so the core depends on no service.
 */
public abstract class SandboxState {
  public static final int FORMAT_VERSION = 1;

  public int formatVersion = FORMAT_VERSION;
  public String accountId;
  public String region;
  public long seed;
  public long idCounter;
  /** The simulated instant the account has been advanced to. */
  public Instant simTime;
  public SandboxSettings settings = new SandboxSettings();

  /**
   * The state of the service whose state class is {@code type} (e.g. {@code EcsState}), the same object for as
   * long as this state is the account's.
   *
   * @throws IllegalArgumentException when the account holds no state of that type
   */
  public abstract <T> T service(Class<T> type);
}
