package org.bgwizard.sandbox;

/** Persisted state of the simulated CodePipeline service: plain data, saved as JSON with the whole account. */
public final class CodePipelineState {
}
