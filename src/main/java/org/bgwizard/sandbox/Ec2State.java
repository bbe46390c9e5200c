package org.bgwizard.sandbox;

/** Persisted state of the simulated Ec2 service: plain data, saved as JSON with the whole account. */
public final class Ec2State {
}
