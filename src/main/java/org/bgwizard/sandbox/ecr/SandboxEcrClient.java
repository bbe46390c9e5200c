package org.bgwizard.sandbox.ecr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bgwizard.sandbox.ecr.EcrEngine.ImageRef;
import org.bgwizard.sandbox.ecr.EcrState.Image;
import org.bgwizard.sandbox.ecr.EcrState.Repository;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.EncryptionConfiguration;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.model.TagResourceResponse;
import software.amazon.awssdk.services.ecr.model.TagStatus;
import software.amazon.awssdk.services.ecr.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UntagResourceResponse;
import org.bgwizard.sandbox.core.ListPage;

/** ECR over {@link EcrEngine}: translates SDK requests and responses, nothing more. */
public final class SandboxEcrClient implements EcrClient {
  private static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private final SandboxAccount account;
  private final EcrEngine ecr;

  public SandboxEcrClient(SandboxAccount account, EcrEngine ecr) {
    this.account = account;
    this.ecr = ecr;
  }

  private <T> T call(String operation, Supplier<T> body) {
    return account.call(Service.ECR, operation, body);
  }

  @Override
  public CreateRepositoryResponse createRepository(CreateRepositoryRequest r) {
    return call("CreateRepository", () -> {
      var scanning = r.imageScanningConfiguration();
      var encryption = r.encryptionConfiguration();
      var repo = ecr.create(r.repositoryName(), r.imageTagMutabilityAsString(),
          scanning != null && Boolean.TRUE.equals(scanning.scanOnPush()),
          encryption == null ? null : encryption.encryptionTypeAsString(), tags(r.tags()));
      return CreateRepositoryResponse.builder().repository(toSdk(repo)).build();
    });
  }

  @Override
  public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest r) {
    return call("DescribeRepositories", () -> {
      if (!r.repositoryNames().isEmpty() && r.nextToken() != null) {
        throw ecr.invalid("nextToken cannot be used together with repositoryNames");
      }
      var page = page(ecr.describe(r.repositoryNames()), r.nextToken(), r.maxResults());
      return DescribeRepositoriesResponse.builder().repositories(page.items().stream().map(this::toSdk).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public DeleteRepositoryResponse deleteRepository(DeleteRepositoryRequest r) {
    return call("DeleteRepository", () -> DeleteRepositoryResponse.builder()
        .repository(toSdk(ecr.delete(r.repositoryName(), Boolean.TRUE.equals(r.force())))).build());
  }

  @Override
  public PutLifecyclePolicyResponse putLifecyclePolicy(PutLifecyclePolicyRequest r) {
    return call("PutLifecyclePolicy", () -> {
      ecr.putLifecyclePolicy(r.repositoryName(), r.lifecyclePolicyText());
      return PutLifecyclePolicyResponse.builder().registryId(account.accountId()).repositoryName(r.repositoryName())
          .lifecyclePolicyText(r.lifecyclePolicyText()).build();
    });
  }

  @Override
  public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest r) {
    return call("GetLifecyclePolicy", () -> {
      Repository repo = ecr.withLifecyclePolicy(r.repositoryName());
      return GetLifecyclePolicyResponse.builder().registryId(account.accountId()).repositoryName(repo.name)
          .lifecyclePolicyText(repo.lifecyclePolicyText).lastEvaluatedAt(repo.lifecyclePolicyUpdatedAt).build();
    });
  }

  @Override
  public DeleteLifecyclePolicyResponse deleteLifecyclePolicy(DeleteLifecyclePolicyRequest r) {
    return call("DeleteLifecyclePolicy", () -> DeleteLifecyclePolicyResponse.builder()
        .registryId(account.accountId()).repositoryName(r.repositoryName())
        .lifecyclePolicyText(ecr.deleteLifecyclePolicy(r.repositoryName())).lastEvaluatedAt(account.now()).build());
  }

  @Override
  public PutImageScanningConfigurationResponse putImageScanningConfiguration(PutImageScanningConfigurationRequest r) {
    return call("PutImageScanningConfiguration", () -> {
      Repository repo = ecr.repository(r.repositoryName());
      if (r.imageScanningConfiguration() == null) {
        throw ecr.invalid("imageScanningConfiguration must be specified");
      }
      repo.scanOnPush = Boolean.TRUE.equals(r.imageScanningConfiguration().scanOnPush());
      return PutImageScanningConfigurationResponse.builder().registryId(account.accountId()).repositoryName(repo.name)
          .imageScanningConfiguration(ImageScanningConfiguration.builder().scanOnPush(repo.scanOnPush).build()).build();
    });
  }

  /**
   * PutImageTagMutability (ECR API Reference): sets MUTABLE or IMMUTABLE; the *_WITH_EXCLUSION values are refused here
   * as at CreateRepository, as the sandbox does not simulate them.
   */
  @Override
  public PutImageTagMutabilityResponse putImageTagMutability(PutImageTagMutabilityRequest r) {
    return call("PutImageTagMutability", () -> {
      Repository repo = ecr.repository(r.repositoryName());
      String m = r.imageTagMutabilityAsString();
      if (!java.util.Set.of("MUTABLE", "IMMUTABLE").contains(String.valueOf(m))) {
        throw ecr.invalid("The sandbox simulates MUTABLE and IMMUTABLE tag mutability, not '" + m + "'");
      }
      repo.imageTagMutability = m;
      return PutImageTagMutabilityResponse.builder().registryId(account.accountId()).repositoryName(repo.name)
          .imageTagMutability(m).build();
    });
  }

  @Override
  public DescribeImagesResponse describeImages(DescribeImagesRequest r) {
    return call("DescribeImages", () -> {
      Repository repo = ecr.repository(r.repositoryName());
      List<Image> images = new ArrayList<>();
      if (!r.imageIds().isEmpty()) {
        for (ImageIdentifier id : r.imageIds()) {
          var ref = new ImageRef(id.imageDigest(), id.imageTag());
          images.add(ecr.find(repo, ref).orElseThrow(() -> ecr.error(ImageNotFoundException.builder(),
              "ImageNotFoundException", "The image with imageId " + EcrEngine.describeRef(ref)
                  + " does not exist within the repository with name '" + repo.name + "' in the registry with id '"
                  + account.accountId() + "'")));
        }
      } else {
        String status = r.filter() == null ? null : r.filter().tagStatusAsString();
        repo.images.stream().filter(i -> matches(i, status)).forEach(images::add);
      }
      var page = page(images, r.nextToken(), r.maxResults());
      return DescribeImagesResponse.builder().imageDetails(page.items().stream().map(i -> ImageDetail.builder()
              .registryId(account.accountId()).repositoryName(repo.name).imageDigest(i.digest).imageTags(i.tags)
              .imageSizeInBytes(i.sizeBytes).imagePushedAt(i.pushedAt).imageManifestMediaType(MANIFEST)
              .artifactMediaType("application/vnd.docker.container.image.v1+json").build()).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  @Override
  public ListImagesResponse listImages(ListImagesRequest r) {
    return call("ListImages", () -> {
      Repository repo = ecr.repository(r.repositoryName());
      String status = r.filter() == null ? null : r.filter().tagStatusAsString();
      List<ImageIdentifier> ids = new ArrayList<>();
      for (Image i : repo.images) {
        if (!matches(i, status)) {
          continue;
        }
        if (i.tags.isEmpty()) {
          ids.add(ImageIdentifier.builder().imageDigest(i.digest).build());
        }
        i.tags.forEach(t -> ids.add(ImageIdentifier.builder().imageDigest(i.digest).imageTag(t).build()));
      }
      var page = page(ids, r.nextToken(), r.maxResults());
      return ListImagesResponse.builder().imageIds(page.items()).nextToken(page.nextToken()).build();
    });
  }

  private static boolean matches(Image i, String tagStatus) {
    if (tagStatus == null || tagStatus.equals(TagStatus.ANY.toString())) {
      return true;
    }
    return tagStatus.equals(TagStatus.TAGGED.toString()) != i.tags.isEmpty();
  }

  @Override
  public BatchDeleteImageResponse batchDeleteImage(BatchDeleteImageRequest r) {
    return call("BatchDeleteImage", () -> {
      Repository repo = ecr.repository(r.repositoryName());
      List<ImageRef> notFound = new ArrayList<>();
      var refs = r.imageIds().stream().map(i -> new ImageRef(i.imageDigest(), i.imageTag())).toList();
      var deleted = ecr.batchDelete(repo, refs, notFound);
      return BatchDeleteImageResponse.builder()
          .imageIds(deleted.stream().map(d -> ImageIdentifier.builder().imageDigest(d.digest()).imageTag(d.tag())
              .build()).toList())
          .failures(notFound.stream().map(n -> ImageFailure.builder()
              .imageId(ImageIdentifier.builder().imageDigest(n.digest()).imageTag(n.tag()).build())
              .failureCode("ImageNotFound").failureReason("Requested image not found").build()).toList())
          .build();
    });
  }

  @Override
  public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest r) {
    return call("GetAuthorizationToken", () -> GetAuthorizationTokenResponse.builder()
        .authorizationData(AuthorizationData.builder().authorizationToken(ecr.authorizationToken())
            .expiresAt(account.now().plus(Duration.ofHours(12))).proxyEndpoint("https://" + ecr.registryHost())
            .build())
        .build());
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest r) {
    return call("TagResource", () -> {
      ecr.tag(r.resourceArn(), tags(r.tags()));
      return TagResourceResponse.builder().build();
    });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest r) {
    return call("UntagResource", () -> {
      TagLists.untag(ecr.byArn(r.resourceArn()).tags, r.tagKeys());
      return UntagResourceResponse.builder().build();
    });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    return call("ListTagsForResource", () -> ListTagsForResourceResponse.builder()
        .tags(TagLists.fromMap(ecr.byArn(r.resourceArn()).tags, (k, v) -> Tag.builder().key(k).value(v).build()))
        .build());
  }

  private <T> ListPage<T> page(List<T> all, String token, Integer maxResults) {
    if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
      throw ecr.invalid("Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value "
          + "between 1 and 1000'");
    }
    return ListPage.byPosition(all, token, maxResults == null ? 100 : maxResults,
        () -> ecr.invalid("Invalid parameter at 'nextToken' failed to satisfy constraint: 'invalid token'"));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, t -> t.value() == null ? "" : t.value());
  }

  private software.amazon.awssdk.services.ecr.model.Repository toSdk(Repository r) {
    return software.amazon.awssdk.services.ecr.model.Repository.builder()
        .repositoryArn(r.arn).registryId(account.accountId()).repositoryName(r.name).repositoryUri(r.uri)
        .createdAt(r.createdAt).imageTagMutability(r.imageTagMutability)
        .imageScanningConfiguration(ImageScanningConfiguration.builder().scanOnPush(r.scanOnPush).build())
        .encryptionConfiguration(EncryptionConfiguration.builder().encryptionType(r.encryptionType).build())
        .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
