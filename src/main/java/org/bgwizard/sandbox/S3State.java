package org.bgwizard.sandbox;

/** Persisted state of the simulated S3 service: plain data, saved as JSON with the whole account. */
public final class S3State {
}
