package org.bgwizard.deploy;

/** A task set as GetDeploymentTarget shows it: Blue (original) or Green (replacement), with its traffic share. */
public record TaskSetView(String label, String status, String targetGroup, double trafficWeight, long running,
    long desired) {}
