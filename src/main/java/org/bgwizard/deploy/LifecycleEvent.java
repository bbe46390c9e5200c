package org.bgwizard.deploy;

import java.time.Instant;

/** One lifecycle event of a blue/green ECS deployment (BeforeInstall … AfterAllowTraffic). */
public record LifecycleEvent(String name, String status, Instant start, Instant end) {}
