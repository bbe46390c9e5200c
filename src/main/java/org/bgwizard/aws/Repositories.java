package org.bgwizard.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/** ECR repositories: find, create with scan on push and tags, lifecycle policy, and delete with their images. */
public final class Repositories {
  private final AwsClients clients;

  public Repositories(AwsClients clients) {
    this.clients = clients;
  }

  private EcrClient ecr() {
    return clients.ecr();
  }

  public Optional<RepositoryInfo> find(String name) {
    try {
      return ecr().describeRepositories(r -> r.repositoryNames(name)).repositories().stream().findFirst()
          .map(Repositories::info);
    } catch (RepositoryNotFoundException e) {
      return Optional.empty();
    }
  }

  public RepositoryInfo create(String name, boolean scanOnPush, Map<String, String> tags) {
    return info(ecr().createRepository(r -> r.repositoryName(name)
        .imageTagMutability(ImageTagMutability.MUTABLE)
        .imageScanningConfiguration(s -> s.scanOnPush(scanOnPush))
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
        .repository());
  }

  public void putLifecyclePolicy(String name, String policyText) {
    ecr().putLifecyclePolicy(r -> r.repositoryName(name).lifecyclePolicyText(policyText));
  }

  /** The lifecycle policy's text; empty when the repository has none (LifecyclePolicyNotFoundException). */
  public Optional<String> lifecyclePolicy(String name) {
    try {
      return Optional.ofNullable(ecr().getLifecyclePolicy(r -> r.repositoryName(name)).lifecyclePolicyText());
    } catch (LifecyclePolicyNotFoundException e) {
      return Optional.empty();
    }
  }

  public void putScanOnPush(String name, boolean scanOnPush) {
    ecr().putImageScanningConfiguration(r -> r.repositoryName(name).imageScanningConfiguration(s -> s.scanOnPush(
        scanOnPush)));
  }

  /** PutImageTagMutability: MUTABLE lets a tag move to a newer image. */
  public void makeTagsMutable(String name) {
    ecr().putImageTagMutability(r -> r.repositoryName(name).imageTagMutability(ImageTagMutability.MUTABLE));
  }

  public Map<String, String> tagsOf(String arn) {
    var tags = new TreeMap<String, String>();
    ecr().listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  /** Adds or overwrites {@code tags} (TagResource); other tags stay. */
  public void tag(String arn, Map<String, String> tags) {
    ecr().tagResource(r -> r.resourceArn(arn).tags(tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  /** DeleteRepository with force: an image pushed meanwhile cannot make it fail (RepositoryNotEmptyException). */
  public void deleteWithImages(String name) {
    ecr().deleteRepository(r -> r.repositoryName(name).force(true));
  }

  public List<RepositoryInfo> list() {
    return ecr().describeRepositoriesPaginator(r -> { }).repositories().stream().map(Repositories::info).toList();
  }

  private static RepositoryInfo info(Repository r) {
    return new RepositoryInfo(r.repositoryName(), r.repositoryArn(), r.repositoryUri(),
        r.imageScanningConfiguration() != null && Boolean.TRUE.equals(r.imageScanningConfiguration().scanOnPush()),
        r.imageTagMutabilityAsString());
  }
}
