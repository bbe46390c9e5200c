package org.bgwizard.sandbox;

/** Persisted state of the simulated Ecs service: plain data, saved as JSON with the whole account. */
public final class EcsState {
}
