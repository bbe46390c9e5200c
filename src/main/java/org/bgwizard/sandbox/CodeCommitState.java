package org.bgwizard.sandbox;

/** Persisted state of the simulated CodeCommit service: plain data, saved as JSON with the whole account. */
public final class CodeCommitState {
}
