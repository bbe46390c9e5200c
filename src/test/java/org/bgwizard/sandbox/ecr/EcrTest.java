package org.bgwizard.sandbox.ecr;

import org.bgwizard.sandbox.SandboxInternals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bgwizard.sandbox.EcsFixture;
import org.bgwizard.sandbox.core.Ports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

class EcrTest {
  private static final String KEEP_3 = """
      {"rules": [{"rulePriority": 1, "description": "keep the last 3 images",
        "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 3},
        "action": {"type": "expire"}}]}""";
  private final EcsFixture f = new EcsFixture();
  private final EcrClient ecr = f.sandbox.ecr();

  private Repository create(String name) {
    return ecr.createRepository(r -> r.repositoryName(name)).repository();
  }

  private String push(String tag) {
    return SandboxInternals.ports(f.sandbox).registry.push("demo", List.of(tag), "X86_64", Ports.ImageBehaviour.HEALTHY);
  }

  @Test
  void repository_hasUriAndArn_andDuplicateNameIsRepositoryAlreadyExists() {
    Repository r = ecr.createRepository(c -> c.repositoryName("demo")
        .imageScanningConfiguration(s -> s.scanOnPush(true))).repository();
    assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo", r.repositoryUri());
    assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/demo", r.repositoryArn());
    assertTrue(r.imageScanningConfiguration().scanOnPush());
    assertEquals("MUTABLE", r.imageTagMutabilityAsString());

    var e = assertThrows(RepositoryAlreadyExistsException.class, () -> create("demo"));
    assertEquals("RepositoryAlreadyExistsException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains(
        "The repository with name 'demo' already exists in the registry with id '123456789012'"));
  }

  @Test
  void invalidName_isInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class, () -> create("Demo"));
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeRepositoriesPaginator_walksPages_andUnknownNameIsNotFound() {
    for (int i = 0; i < 5; i++) {
      create("repo-" + i);
    }
    assertEquals(5, ecr.describeRepositoriesPaginator(r -> r.maxResults(2)).repositories().stream().count());
    var e = assertThrows(RepositoryNotFoundException.class,
        () -> ecr.describeRepositories(r -> r.repositoryNames("nope")));
    assertEquals("RepositoryNotFoundException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("The repository with name 'nope' does not exist in the registry with id"));
  }

  @Test
  void deleteRepositoryWithImages_needsForce() {
    create("demo");
    push("v1");
    var e = assertThrows(RepositoryNotEmptyException.class, () -> ecr.deleteRepository(r -> r.repositoryName("demo")));
    assertEquals("RepositoryNotEmptyException", e.awsErrorDetails().errorCode());
    ecr.deleteRepository(r -> r.repositoryName("demo").force(true));
    assertThrows(RepositoryNotFoundException.class, () -> ecr.describeRepositories(r -> r.repositoryNames("demo")));
  }

  @Test
  void lifecyclePolicy_isValidated_storedAndAppliedOnPush() {
    create("demo");
    var missing = assertThrows(LifecyclePolicyNotFoundException.class,
        () -> ecr.getLifecyclePolicy(r -> r.repositoryName("demo")));
    assertEquals("LifecyclePolicyNotFoundException", missing.awsErrorDetails().errorCode());
    var invalid = assertThrows(InvalidParameterException.class, () -> ecr.putLifecyclePolicy(r -> r
        .repositoryName("demo").lifecyclePolicyText(KEEP_3.replace("imageCountMoreThan", "mostImages"))));
    assertTrue(invalid.getMessage().contains("Lifecycle policy validation failure"));

    ecr.putLifecyclePolicy(r -> r.repositoryName("demo").lifecyclePolicyText(KEEP_3));
    assertEquals(KEEP_3, ecr.getLifecyclePolicy(r -> r.repositoryName("demo")).lifecyclePolicyText());
    for (int i = 1; i <= 5; i++) {
      push("v" + i);
      f.advance(60);
    }

    var tags = ecr.listImagesPaginator(r -> r.repositoryName("demo").maxResults(1)).imageIds().stream()
        .map(ImageIdentifier::imageTag).toList();
    assertEquals(List.of("v3", "v4", "v5"), tags);

    assertEquals(KEEP_3, ecr.deleteLifecyclePolicy(r -> r.repositoryName("demo")).lifecyclePolicyText());
    assertThrows(LifecyclePolicyNotFoundException.class, () -> ecr.deleteLifecyclePolicy(r -> r.repositoryName("demo")));
  }

  @Test
  void lifecycleRule_keepsTaggedByPrefix_andExpiresOldUntaggedByAge() {
    String policy = """
        {"rules": [
          {"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed",
            "countUnit": "days", "countNumber": 1}, "action": {"type": "expire"}},
          {"rulePriority": 2, "selection": {"tagStatus": "tagged", "tagPrefixList": ["release"],
            "countType": "imageCountMoreThan", "countNumber": 1}, "action": {"type": "expire"}}]}""";
    var rules = EcrLifecycle.parse(policy, IllegalArgumentException::new);
    var now = f.clock.instant();
    var oldUntagged = image(now.minus(Duration.ofDays(2)));
    var newUntagged = image(now);
    var release1 = image(now.minusSeconds(60), "release-1");
    var release2 = image(now, "release-2");
    var dev = image(now.minus(Duration.ofDays(9)), "dev");

    var expired = EcrLifecycle.expired(rules, List.of(oldUntagged, newUntagged, release1, release2, dev), now);

    assertEquals(java.util.Set.of(oldUntagged, release1), expired);
  }

  private static EcrState.Image image(java.time.Instant pushedAt, String... tags) {
    var i = new EcrState.Image();
    i.pushedAt = pushedAt;
    i.tags.addAll(List.of(tags));
    return i;
  }

  @Test
  void pushingATagAgain_movesIt_immutableRepositoriesRefuse() {
    create("demo");
    String first = push("latest");
    push("latest");
    var untagged = ecr.describeImages(r -> r.repositoryName("demo").filter(x -> x.tagStatus(TagStatus.UNTAGGED)))
        .imageDetails();
    assertEquals(first, untagged.get(0).imageDigest());

    ecr.createRepository(r -> r.repositoryName("frozen").imageTagMutability("IMMUTABLE"));
    SandboxInternals.ports(f.sandbox).registry.push("frozen", List.of("v1"), "X86_64", Ports.ImageBehaviour.HEALTHY);
    var e = assertThrows(ImageTagAlreadyExistsException.class,
        () -> SandboxInternals.ports(f.sandbox).registry.push("frozen", List.of("v1"), "X86_64", Ports.ImageBehaviour.HEALTHY));
    assertEquals("ImageTagAlreadyExistsException", e.awsErrorDetails().errorCode());
  }

  @Test
  void describeImages_andBatchDeleteImage() {
    create("demo");
    String digest = push("v1");
    var detail = ecr.describeImages(r -> r.repositoryName("demo").imageIds(ImageIdentifier.builder().imageTag("v1").build())).imageDetails()
        .get(0);
    assertEquals(digest, detail.imageDigest());
    assertTrue(detail.imageSizeInBytes() > 0);
    assertEquals(List.of("v1"), detail.imageTags());

    var deleted = ecr.batchDeleteImage(r -> r.repositoryName("demo").imageIds(
        ImageIdentifier.builder().imageTag("v1").build(), ImageIdentifier.builder().imageTag("v9").build()));
    assertEquals(digest, deleted.imageIds().get(0).imageDigest());
    assertEquals("ImageNotFound", deleted.failures().get(0).failureCodeAsString());
    assertEquals(List.of(), ecr.listImages(r -> r.repositoryName("demo")).imageIds());
  }

  @Test
  void authorizationToken_isAFakeAwsBasicCredential_expiringIn12Hours() {
    var data = ecr.getAuthorizationToken(r -> { }).authorizationData().get(0);
    String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
    assertTrue(decoded.startsWith("AWS:"));
    assertEquals(f.clock.instant().plus(Duration.ofHours(12)), data.expiresAt());
    assertEquals("https://123456789012.dkr.ecr.us-east-1.amazonaws.com", data.proxyEndpoint());
  }

  @Test
  void scanningConfiguration_andTags() {
    String arn = create("demo").repositoryArn();
    assertFalse(ecr.putImageScanningConfiguration(r -> r.repositoryName("demo")
        .imageScanningConfiguration(s -> s.scanOnPush(false))).imageScanningConfiguration().scanOnPush());
    ecr.tagResource(r -> r.resourceArn(arn).tags(software.amazon.awssdk.services.ecr.model.Tag.builder()
        .key("bgwizard:setup").value("demo").build()));
    assertEquals("demo", ecr.listTagsForResource(r -> r.resourceArn(arn)).tags().get(0).value());
    ecr.untagResource(r -> r.resourceArn(arn).tagKeys("bgwizard:setup"));
    assertEquals(List.of(), ecr.listTagsForResource(r -> r.resourceArn(arn)).tags());
  }

  @Test
  void pull_resolvesOwnImagesPublicImagesAndDockerHubNames() {
    create("demo");
    String digest = SandboxInternals.ports(f.sandbox).registry.push("demo", List.of("v1"), "ARM64", Ports.ImageBehaviour.UNHEALTHY);
    Ports.Registry registry = SandboxInternals.ports(f.sandbox).registry;
    String repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/demo";

    assertEquals(new Ports.Pull(true, null, Ports.ImageBehaviour.UNHEALTHY), registry.pull(repo + ":v1", "ARM64", true));
    assertEquals(Ports.ImageBehaviour.UNHEALTHY, registry.pull(repo + "@" + digest, "ARM64", true).behaviour());
    var wrongArch = registry.pull(repo + ":v1", "X86_64", true);
    assertTrue(wrongArch.ok() && wrongArch.stoppedReason().contains("exec format error"));
    assertEquals(Ports.ImageBehaviour.CRASHES, wrongArch.behaviour());
    assertFalse(registry.pull(repo + ":v2", "ARM64", true).ok());
    assertEquals(new Ports.Pull(true, null, Ports.ImageBehaviour.HEALTHY),
        registry.pull("public.ecr.aws/nginx/nginx:stable", "X86_64", true));
    assertTrue(registry.pull("nginx", "X86_64", true).stoppedReason()
        .contains("docker.io/library/nginx:latest: pull access denied"));
    assertNull(registry.pull("nginx", "X86_64", false).behaviour());
  }
}
