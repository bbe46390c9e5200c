package org.bgwizard.sandbox;

/** Persisted state of the simulated Ecr service: plain data, saved as JSON with the whole account. */
public final class EcrState {
}
