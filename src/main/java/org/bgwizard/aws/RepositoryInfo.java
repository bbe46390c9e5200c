package org.bgwizard.aws;

/**
 * An ECR repository; {@code uri} is {@code <registry>/<name>}, the image name without tag.
 *
 * @param tagMutability MUTABLE, IMMUTABLE or one of their *_WITH_EXCLUSION forms
 */
public record RepositoryInfo(String name, String arn, String uri, boolean scanOnPush, String tagMutability) {}
