package org.bgwizard.setup;

/**
 * The ECR repository the build pushes to.
 *
 * @param keepImages lifecycle policy: expire images beyond the newest N
 * @param existing true when the repository is the user's own and must not be created or deleted
 */
public record ImageRepository(String name, int keepImages, boolean scanOnPush, boolean existing) {}
