package org.bgwizard.setup;

/**
 * One environment's own setup ({@link Environments#expand}).
 *
 * @param environment null for a setup without environments
 * @param index its position in promotion order
 * @param spec the setup as this environment sees it: per-environment names, branch, sizes, ports and approval
 */
public record EnvironmentSpec(Environment environment, int index, SetupSpec spec) {

  /** The environment's name, or null for a setup without environments. */
  public String name() {
    return environment == null ? null : environment.name();
  }
}
