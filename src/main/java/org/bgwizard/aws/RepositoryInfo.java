package org.bgwizard.aws;

/** An ECR repository; {@code uri} is {@code <registry>/<name>}, the image name without tag. */
public record RepositoryInfo(String name, String arn, String uri, boolean scanOnPush) {}
