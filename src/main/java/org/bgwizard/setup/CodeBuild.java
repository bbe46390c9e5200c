package org.bgwizard.setup;

/**
 * The CodeBuild project that builds and pushes the image.
 *
 * @param privileged must be true to run Docker (catalogue row 22)
 * @param taskDefinitionMode where the deploy stage gets taskdef.json
 * @param dockerHubSecretArn optional Secrets Manager secret with Docker Hub credentials (keys
 *     {@code username}, {@code token}) to avoid anonymous pull limits (catalogue row 21); never a token in text
 */
public record CodeBuild(String project, String image, String computeType, boolean privileged,
    TaskDefinitionMode taskDefinitionMode, String dockerHubSecretArn, int timeoutMinutes) {

  public enum TaskDefinitionMode {
    /** taskdef.json lives in the repository with {@code <IMAGE1_NAME>}; the build writes imageDetail.json. */
    FILE_IN_REPO,
    /** The build writes taskdef.json from the live task definition with the new image (seed 001). */
    GENERATED_IN_BUILD
  }
}
