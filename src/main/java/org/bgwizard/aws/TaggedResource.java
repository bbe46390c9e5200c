package org.bgwizard.aws;

/** A resource that carries a setup's tag, as the orphan finder lists it. */
public record TaggedResource(ResourceKind kind, String name, String arn) {}
