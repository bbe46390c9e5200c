package org.bgwizard.provision;

import java.time.Duration;

/** A step changed state or reported progress; {@code elapsed} counts from the step's start (zero before it). */
public record StepEvent(ResourceRef ref, StepState state, String message, Duration elapsed) {}
