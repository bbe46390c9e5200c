package org.bgwizard.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
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

  /** DeleteRepository with force: an image pushed meanwhile cannot make it fail (RepositoryNotEmptyException). */
  public void deleteWithImages(String name) {
    ecr().deleteRepository(r -> r.repositoryName(name).force(true));
  }

  public List<RepositoryInfo> list() {
    return ecr().describeRepositoriesPaginator(r -> { }).repositories().stream().map(Repositories::info).toList();
  }

  private static RepositoryInfo info(Repository r) {
    return new RepositoryInfo(r.repositoryName(), r.repositoryArn(), r.repositoryUri(),
        r.imageScanningConfiguration() != null && Boolean.TRUE.equals(r.imageScanningConfiguration().scanOnPush()));
  }
}
