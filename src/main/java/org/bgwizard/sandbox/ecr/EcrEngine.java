package org.bgwizard.sandbox.ecr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.ecr.EcrState.Image;
import org.bgwizard.sandbox.ecr.EcrState.Repository;
import org.bgwizard.sandbox.core.Ports.ImageBehaviour;
import org.bgwizard.sandbox.core.Ports.Pull;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TooManyTagsException;

/**
 * ECR repositories and images (Amazon ECR API Reference), and the {@link Ports.Registry} tasks pull from.
 *
 * <p>{@link #pull}: without a route out ({@code publicIpOrNat} false) every pull fails — this account's ECR with
 * catalogue row 19's ResourceInitializationError, other registries with CannotPullContainerError … i/o timeout.
 * With one: this account's ECR by tag or digest gives the pushed image's behaviour, or CannotPullContainerError …
 * not found; an image of another architecture pulls fine and crashes with row 20's exec format error (returned as
 * {@code Pull(true, "exec … exec format error", CRASHES)}: the text is what the container prints, not a pull
 * failure); {@code public.ecr.aws/…} is a healthy multi-architecture image; names without a registry host resolve to
 * Docker Hub, which the sandbox has no images of: row 18's "pull access denied" text.
 *
 * <p>{@link #push} throws ECR's exceptions (RepositoryNotFoundException, ImageTagAlreadyExistsException) for the
 * simulated build to report.
 */
public final class EcrEngine implements Ports.Registry {
  private static final Pattern NAME = Pattern.compile(
      "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final String EXEC_FORMAT_ERROR = "exec /docker-entrypoint.sh: exec format error";

  private final SandboxAccount account;

  public EcrEngine(SandboxAccount account) {
    this.account = account;
  }

  private EcrState st() {
    return account.state(EcrState.class);
  }

  String registryHost() {
    return account.accountId() + ".dkr.ecr." + account.region() + ".amazonaws.com";
  }

  AwsServiceException error(AwsServiceException.Builder builder, String code, String message) {
    return account.error(builder, Service.ECR, code, message);
  }

  AwsServiceException invalid(String message) {
    return error(InvalidParameterException.builder(), "InvalidParameterException", message);
  }

  private String inRegistry() {
    return "in the registry with id '" + account.accountId() + "'";
  }

  // ---- repositories

  Repository create(String name, String mutability, boolean scanOnPush, String encryptionType,
      Map<String, String> tags) {
    if (name == null || name.length() < 2 || name.length() > 256 || !NAME.matcher(name).matches()) {
      throw invalid("Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular "
          + "expression '" + NAME.pattern() + "''");
    }
    if (st().repositories.containsKey(name)) {
      throw error(RepositoryAlreadyExistsException.builder(), "RepositoryAlreadyExistsException",
          "The repository with name '" + name + "' already exists " + inRegistry());
    }
    String m = mutability == null ? "MUTABLE" : mutability;
    if (!Set.of("MUTABLE", "IMMUTABLE").contains(m)) {
      throw invalid("The sandbox simulates MUTABLE and IMMUTABLE tag mutability, not '" + m + "'");
    }
    String enc = encryptionType == null ? "AES256" : encryptionType;
    if (!Set.of("AES256", "KMS", "KMS_DSSE").contains(enc)) {
      throw invalid("Invalid parameter at 'encryptionType' failed to satisfy constraint: 'Member must satisfy enum "
          + "value set: [AES256, KMS, KMS_DSSE]'");
    }
    checkTags(tags.size());
    var r = new Repository();
    r.name = name;
    r.arn = "arn:aws:ecr:" + account.region() + ":" + account.accountId() + ":repository/" + name;
    r.uri = registryHost() + "/" + name;
    r.createdAt = account.now();
    r.imageTagMutability = m;
    r.scanOnPush = scanOnPush;
    r.encryptionType = enc;
    r.tags.putAll(tags);
    st().repositories.put(name, r);
    return r;
  }

  Repository repository(String name) {
    Repository r = name == null ? null : st().repositories.get(name);
    if (r == null) {
      throw error(RepositoryNotFoundException.builder(), "RepositoryNotFoundException",
          "The repository with name '" + name + "' does not exist " + inRegistry());
    }
    return r;
  }

  List<Repository> describe(List<String> names) {
    return names.isEmpty() ? List.copyOf(st().repositories.values()) : names.stream().map(this::repository).toList();
  }

  Repository delete(String name, boolean force) {
    Repository r = repository(name);
    if (!r.images.isEmpty() && !force) {
      throw error(RepositoryNotEmptyException.builder(), "RepositoryNotEmptyException",
          "The repository with name '" + name + "' in registry with id '" + account.accountId()
              + "' cannot be deleted because it still contains images");
    }
    st().repositories.remove(name);
    return r;
  }

  void putLifecyclePolicy(String name, String text) {
    Repository r = repository(name);
    EcrLifecycle.parse(text, reason -> invalid("Invalid parameter at 'LifecyclePolicyText' failed to satisfy "
        + "constraint: '" + reason + "'"));
    r.lifecyclePolicyText = text;
    r.lifecyclePolicyUpdatedAt = account.now();
  }

  Repository withLifecyclePolicy(String name) {
    Repository r = repository(name);
    if (r.lifecyclePolicyText == null) {
      throw error(LifecyclePolicyNotFoundException.builder(), "LifecyclePolicyNotFoundException",
          "Lifecycle policy does not exist for the repository with name '" + name + "' " + inRegistry());
    }
    return r;
  }

  String deleteLifecyclePolicy(String name) {
    Repository r = withLifecyclePolicy(name);
    String text = r.lifecyclePolicyText;
    r.lifecyclePolicyText = null;
    r.lifecyclePolicyUpdatedAt = null;
    return text;
  }

  Repository byArn(String arn) {
    if (arn == null || !arn.startsWith("arn:aws:ecr:") || !arn.contains(":repository/")) {
      throw invalid("Invalid parameter at 'resourceArn' failed to satisfy constraint: 'must be a repository ARN'");
    }
    return repository(arn.substring(arn.indexOf(":repository/") + 12));
  }

  void tag(String arn, Map<String, String> tags) {
    TagLists.tag(byArn(arn).tags, tags, (added, countAfter) -> checkTags(countAfter));
  }

  private void checkTags(int count) {
    if (count > 50) {
      throw error(TooManyTagsException.builder(), "TooManyTagsException", "A repository can have at most 50 tags");
    }
  }

  // ---- images

  record ImageRef(String digest, String tag) {}

  /** The image a reference names (by digest, else by tag), empty when none does. */
  Optional<Image> find(Repository r, ImageRef ref) {
    return r.images.stream().filter(i -> ref.digest() != null ? i.digest.equals(ref.digest())
        && (ref.tag() == null || i.tags.contains(ref.tag())) : i.tags.contains(ref.tag())).findFirst();
  }

  static String describeRef(ImageRef ref) {
    return "{imageDigest:'" + ref.digest() + "', imageTag:'" + ref.tag() + "'}";
  }

  /** Removes what each reference names: a tag only (the image goes with its last tag), or a digest's image. */
  List<ImageRef> batchDelete(Repository r, List<ImageRef> refs, List<ImageRef> notFound) {
    List<ImageRef> deleted = new ArrayList<>();
    for (ImageRef ref : refs) {
      Optional<Image> image = find(r, ref);
      if (image.isEmpty()) {
        notFound.add(ref);
        continue;
      }
      Image i = image.get();
      if (ref.digest() == null) {
        i.tags.remove(ref.tag());
        if (i.tags.isEmpty()) {
          r.images.remove(i);
        }
        deleted.add(new ImageRef(i.digest, ref.tag()));
      } else {
        r.images.remove(i);
        deleted.add(new ImageRef(i.digest, ref.tag()));
      }
    }
    return deleted;
  }

  /** A fake registry token, "AWS:" and random hex, base64-encoded, as docker login expects. Never logged. */
  String authorizationToken() {
    return Base64.getEncoder().encodeToString(("AWS:" + account.ids().hex(64)).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String push(String repositoryName, List<String> tags, String cpuArchitecture, ImageBehaviour behaviour) {
    Repository r = repository(repositoryName);
    checkTagsFree(r, tags, null);
    for (Image other : r.images) {
      other.tags.removeAll(tags);
    }
    var image = new Image();
    image.digest = "sha256:" + account.ids().hex(64);
    image.tags.addAll(tags);
    image.pushedAt = account.now();
    image.sizeBytes = 20_000_000L + Long.parseLong(account.ids().hex(7), 16) % 60_000_000L;
    image.architecture = cpuArchitecture;
    image.behaviour = behaviour.name();
    r.images.add(image);
    if (r.lifecyclePolicyText != null) {
      var rules = EcrLifecycle.parse(r.lifecyclePolicyText, IllegalStateException::new);
      r.images.removeAll(EcrLifecycle.expired(rules, r.images, account.now()));
    }
    return image.digest;
  }

  @Override
  public boolean addTags(String repositoryName, String digest, List<String> tags) {
    Repository r = repository(repositoryName);
    Optional<Image> image = r.images.stream().filter(i -> i.digest.equals(digest)).findFirst();
    if (image.isEmpty()) {
      return false;
    }
    checkTagsFree(r, tags, image.get());
    for (Image other : r.images) {
      other.tags.removeAll(tags);
    }
    image.get().tags.addAll(tags);
    return true;
  }

  /** An immutable repository refuses a tag another image holds ({@code self} may keep its own). */
  private void checkTagsFree(Repository r, List<String> tags, Image self) {
    if (!r.imageTagMutability.equals("IMMUTABLE")) {
      return;
    }
    for (String tag : tags) {
      if (r.images.stream().anyMatch(i -> i != self && i.tags.contains(tag))) {
        throw error(ImageTagAlreadyExistsException.builder(), "ImageTagAlreadyExistsException",
            "The image tag '" + tag + "' already exists in the '" + r.name
                + "' repository and cannot be overwritten because the repository is immutable.");
      }
    }
  }

  @Override
  public Pull pull(String imageUri, String cpuArchitecture, boolean publicIpOrNat) {
    int slash = imageUri.indexOf('/');
    String first = slash < 0 ? "" : imageUri.substring(0, slash);
    boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    String host = hasHost ? first : "docker.io";
    String path = hasHost ? imageUri.substring(slash + 1) : (slash < 0 ? "library/" + imageUri : imageUri);
    String ref = host + "/" + path + (path.contains(":") || path.contains("@") ? "" : ":latest");
    if (host.equals(registryHost())) {
      if (!publicIpOrNat) {
        return failed("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
            + "retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): "
            + "RequestError: send request failed caused by: Post \"https://api.ecr." + account.region()
            + ".amazonaws.com/\": dial tcp 52.119.160.13:443: i/o timeout. Please check your task network "
            + "configuration.");
      }
      return pullOwn(path, ref, cpuArchitecture);
    }
    if (!publicIpOrNat) {
      return failed("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
          + ref + ": failed to do request: Head \"https://" + (host.equals("docker.io") ? "registry-1.docker.io" : host)
          + "/v2/\": dial tcp 99.83.145.10:443: i/o timeout");
    }
    if (host.equals("public.ecr.aws")) {
      return new Pull(true, null, ImageBehaviour.HEALTHY);
    }
    if (host.contains(".dkr.ecr.")) {
      return failed("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
          + ref + ": pulling from host " + host + " failed with status code [manifests]: 403 Forbidden");
    }
    return failed("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
        + ref + ": pull access denied, repository does not exist or may require authorization: server message: "
        + "insufficient_scope: authorization failed");
  }

  private Pull pullOwn(String path, String ref, String cpuArchitecture) {
    int at = path.indexOf('@');
    int colon = path.lastIndexOf(':');
    String name = at >= 0 ? path.substring(0, at) : colon >= 0 ? path.substring(0, colon) : path;
    ImageRef wanted = at >= 0 ? new ImageRef(path.substring(at + 1), null)
        : new ImageRef(null, colon >= 0 ? path.substring(colon + 1) : "latest");
    Repository r = st().repositories.get(name);
    Optional<Image> image = r == null ? Optional.empty() : find(r, wanted);
    if (image.isEmpty()) {
      return failed("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
          + ref + ": " + ref + ": not found");
    }
    Image i = image.get();
    if (i.architecture != null && !i.architecture.equals(cpuArchitecture)) {
      return new Pull(true, EXEC_FORMAT_ERROR, ImageBehaviour.CRASHES);
    }
    return new Pull(true, null, ImageBehaviour.valueOf(i.behaviour));
  }

  private static Pull failed(String reason) {
    return new Pull(false, reason, null);
  }
}
