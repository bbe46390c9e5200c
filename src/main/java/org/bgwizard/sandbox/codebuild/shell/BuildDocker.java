package org.bgwizard.sandbox.codebuild.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bgwizard.sandbox.codebuild.shell.BuildShell.Result;
import org.bgwizard.sandbox.codebuild.CodeBuildState.LocalImage;
import org.bgwizard.sandbox.codebuild.CodeBuildState.Workspace;
import org.bgwizard.sandbox.codebuild.BuildRun;
import org.bgwizard.sandbox.codebuild.CodeBuildState;
import org.bgwizard.sandbox.core.Ports;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * {@code docker login | build | tag | push} in a build. Without privileged mode there is no Docker daemon
 * (catalogue row 22; login still works, client side). Base images from Docker Hub hit the anonymous pull limit
 * when the sandbox setting {@code dockerHubRateLimited} is on and the build has not logged in to Docker Hub
 * (row 21). Pushes to this account's ECR need a {@code docker login} and the role's ECR push permissions (row 23).
 */
final class BuildDocker {
  static final String NO_DAEMON =
      "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
  static final String RATE_LIMIT = "toomanyrequests: You have reached your pull rate limit. You may increase the"
      + " limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit";
  static final List<String> PUSH_ACTIONS = List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");
  private static final String DOCKER_HUB = "docker.io";
  private static final Set<String> DOCKER_HUB_ALIASES = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
      "https://index.docker.io/v1/", "registry.hub.docker.com");
  private static final Pattern REF = Pattern.compile(
      "(?:([a-zA-Z0-9.-]+(?::[0-9]+)?)/)?([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
          + "(?::([\\w][\\w.-]{0,127}))?");

  /** A parsed image reference; {@code host} is null for Docker Hub. */
  record Ref(String host, String repository, String tag) {
    /** The canonical name local images are keyed by. */
    String key() {
      String repo = host == null && !repository.contains("/") ? "library/" + repository : repository;
      return (host == null ? DOCKER_HUB : host) + "/" + repo + ":" + tag;
    }

    String nameWithoutTag() {
      return host == null ? repository : host + "/" + repository;
    }
  }

  private final BuildRun run;
  private final Workspace ws;

  BuildDocker(BuildRun run) {
    this.run = run;
    this.ws = run.workspace();
  }

  Result run(List<String> args, String stdin) {
    if (args.isEmpty()) {
      return Result.ok("");
    }
    String sub = args.get(0);
    List<String> rest = args.subList(1, args.size());
    if (sub.equals("login")) {
      return login(rest, stdin);
    }
    if (!run.build().environment.privilegedMode) {
      return error("ERROR: " + NO_DAEMON);
    }
    return switch (sub) {
      case "build" -> build(rest);
      case "tag" -> tag(rest);
      case "push" -> push(rest);
      default -> Result.ok("");
    };
  }

  private Result error(String text) {
    run.output(text);
    return Result.fail(1);
  }

  /** A reference, or null when Docker would say "invalid reference format". */
  static Ref parse(String text) {
    Matcher m = REF.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String host = m.group(1);
    boolean isHost = host != null && (host.contains(".") || host.contains(":") || host.equals("localhost"));
    String repository = host != null && !isHost ? host + "/" + m.group(2) : m.group(2);
    if (host != null && !isHost && !host.matches("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")) {
      return null;
    }
    String h = isHost ? host : null;
    if (h != null && DOCKER_HUB_ALIASES.contains(h)) {
      h = null;
    }
    return new Ref(h, repository, m.group(3) == null ? "latest" : m.group(3));
  }

  // ---- login

  private Result login(List<String> args, String stdin) {
    String user = null;
    String password = null;
    String server = DOCKER_HUB;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-u", "--username" -> user = i + 1 < args.size() ? args.get(++i) : null;
        case "-p", "--password" -> password = i + 1 < args.size() ? args.get(++i) : null;
        case "--password-stdin" -> password = stdin.strip();
        default -> {
          if (a.startsWith("--username=")) {
            user = a.substring(11);
          } else if (!a.startsWith("-")) {
            server = a;
          }
        }
      }
    }
    if (password == null || password.isEmpty() || user == null || user.isEmpty()) {
      return error("Error: Cannot perform an interactive login from a non TTY device");
    }
    String host = server.replaceFirst("^https?://", "").replaceAll("/.*$", "");
    if (DOCKER_HUB_ALIASES.contains(server) || DOCKER_HUB_ALIASES.contains(host)) {
      host = DOCKER_HUB;
    } else if (host.equals(run.registryHost()) && !user.equals("AWS")) {
      return error("Error response from daemon: login attempt to https://" + host
          + "/v2/ failed with status: 400 Bad Request");
    }
    if (!ws.loggedInRegistries.contains(host)) {
      ws.loggedInRegistries.add(host);
    }
    run.output("WARNING! Your password will be stored unencrypted in /root/.docker/config.json.");
    return Result.ok("Login Succeeded\n");
  }

  // ---- build

  private Result build(List<String> args) {
    List<String> tags = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    String file = null;
    String platform = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-t") || a.equals("--tag")) {
        tags.add(i + 1 < args.size() ? args.get(++i) : "");
      } else if (a.startsWith("--tag=")) {
        tags.add(a.substring(6));
      } else if (a.equals("-f") || a.equals("--file")) {
        file = i + 1 < args.size() ? args.get(++i) : null;
      } else if (a.equals("--platform")) {
        platform = i + 1 < args.size() ? args.get(++i) : null;
      } else if (a.startsWith("--platform=")) {
        platform = a.substring(11);
      } else if (a.equals("--build-arg") || a.equals("--target") || a.equals("--progress")) {
        i++;
      } else if (!a.startsWith("-")) {
        positional.add(a);
      }
    }
    if (positional.size() != 1) {
      return error("ERROR: \"docker buildx build\" requires exactly 1 argument.");
    }
    List<Ref> refs = new ArrayList<>();
    for (String t : tags) {
      Ref r = parse(t);
      if (r == null) {
        return error("ERROR: invalid tag \"" + t + "\": invalid reference format");
      }
      refs.add(r);
    }
    String context = run.relative(positional.get(0)).replaceAll("^\\.$", "").replaceAll("/+$", "");
    String dockerfilePath = file != null ? run.relative(file) : (context.isEmpty() ? "" : context + "/") + "Dockerfile";
    String dockerfile = ws.files.get(dockerfilePath);
    if (dockerfile == null) {
      return error("ERROR: failed to solve: failed to read dockerfile: open " + dockerfilePath
          + ": no such file or directory");
    }
    String architecture = architecture(platform);
    if (architecture == null) {
      return error("ERROR: failed to solve: no match for platform in manifest: not found");
    }
    Result base = pullBaseImages(dockerfile);
    if (base != null) {
      return base;
    }
    Ports.ImageBehaviour behaviour;
    try {
      behaviour = releaseBehaviour();
    } catch (IllegalArgumentException e) {
      return error("ERROR: " + e.getMessage());
    }
    var image = new LocalImage();
    image.id = run.account().ids().hex(12);
    image.architecture = architecture;
    image.behaviour = behaviour.name();
    ws.images.put(image.id, image);
    refs.forEach(r -> ws.images.put(r.key(), image));
    StringBuilder out = new StringBuilder("Successfully built " + image.id + "\n");
    tags.forEach(t -> out.append("Successfully tagged ").append(t).append('\n'));
    return Result.ok(out.toString());
  }

  /** X86_64 or ARM64 from {@code --platform}, else the build host's; null for a platform ECS cannot run. */
  private String architecture(String platform) {
    if (platform == null) {
      return "ARM_CONTAINER".equals(run.build().environment.type) ? "ARM64" : "X86_64";
    }
    String p = platform.toLowerCase(Locale.ROOT);
    if (p.contains("arm64") || p.contains("aarch64")) {
      return "ARM64";
    }
    return p.contains("amd64") || p.contains("x86_64") ? "X86_64" : null;
  }

  private Result pullBaseImages(String dockerfile) {
    List<String> stages = new ArrayList<>();
    for (String line : dockerfile.split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
        continue;
      }
      int i = 1;
      while (i < words.length - 1 && words[i].startsWith("--")) {
        i++;
      }
      String image = words[i];
      if (words.length > i + 2 && words[i + 1].equalsIgnoreCase("AS")) {
        stages.add(words[i + 2].toLowerCase(Locale.ROOT));
      }
      if (image.equals("scratch") || stages.contains(image.toLowerCase(Locale.ROOT)) || image.contains("$")) {
        continue;
      }
      Ref ref = parse(image.replaceFirst("@sha256:[0-9a-f]+$", ""));
      if (ref == null) {
        return error("ERROR: failed to solve: failed to parse stage name \"" + image + "\": invalid reference format");
      }
      if (ref.host() == null && run.account().settings().dockerHubRateLimited
          && !ws.loggedInRegistries.contains(DOCKER_HUB)) {
        return error("ERROR: failed to solve: " + image + ": failed to resolve source metadata for " + ref.key() + ": "
            + RATE_LIMIT);
      }
    }
    return null;
  }

  /** The sandbox-only practice switch: {@code sandbox-release.json} {@code {"behaviour": "…"}} in the source. */
  private Ports.ImageBehaviour releaseBehaviour() {
    String release = ws.files.get(BuildRun.RELEASE_FILE);
    if (release == null) {
      return Ports.ImageBehaviour.HEALTHY;
    }
    try {
      JsonNode node = BuildPrograms.PRETTY.readTree(release).path("behaviour");
      return Ports.ImageBehaviour.valueOf(node.asText());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(BuildRun.RELEASE_FILE
          + ": \"behaviour\" must be \"HEALTHY\", \"UNHEALTHY\" or \"CRASHES\"");
    }
  }

  // ---- tag and push

  private LocalImage local(String text) {
    Ref ref = parse(text);
    LocalImage byRef = ref == null ? null : ws.images.get(ref.key());
    return byRef != null ? byRef : ws.images.get(text);
  }

  private Result tag(List<String> args) {
    if (args.size() != 2) {
      return error("\"docker tag\" requires exactly 2 arguments.");
    }
    LocalImage image = local(args.get(0));
    if (image == null) {
      return error("Error response from daemon: No such image: " + args.get(0));
    }
    Ref target = parse(args.get(1));
    if (target == null) {
      return error("Error parsing reference: \"" + args.get(1) + "\" is not a valid repository/tag: invalid reference"
          + " format");
    }
    ws.images.put(target.key(), image);
    return Result.ok("");
  }

  private Result push(List<String> args) {
    List<String> refs = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (refs.size() != 1) {
      return error("\"docker push\" requires exactly 1 argument.");
    }
    Ref ref = parse(refs.get(0));
    if (ref == null) {
      return error("invalid reference format");
    }
    LocalImage image = ws.images.get(ref.key());
    if (image == null) {
      return error("An image does not exist locally with the tag: " + ref.nameWithoutTag());
    }
    run.output("The push refers to repository [" + (ref.host() == null ? "docker.io/" : "") + ref.nameWithoutTag()
        + "]");
    if (!run.registryHost().equals(ref.host())) {
      return error("denied: requested access to the resource is denied");
    }
    if (!ws.loggedInRegistries.contains(ref.host())) {
      return error("no basic auth credentials");
    }
    String repositoryArn = "arn:aws:ecr:" + run.account().region() + ":" + run.account().accountId() + ":repository/"
        + ref.repository();
    for (String action : PUSH_ACTIONS) {
      if (!run.iam().allows(run.build().serviceRole, action, repositoryArn, null)) {
        return error("denied: User: " + run.assumedRoleArn() + " is not authorized to perform: " + action
            + " on resource: " + repositoryArn + " because no identity-based policy allows the " + action + " action");
      }
    }
    String pushedKey = ref.repository() + "@" + image.id;
    String digest = ws.pushed.get(pushedKey);
    try {
      if (digest == null || !run.registry().addTags(ref.repository(), digest, List.of(ref.tag()))) {
        digest = run.registry().push(ref.repository(), List.of(ref.tag()), image.architecture,
            Ports.ImageBehaviour.valueOf(image.behaviour));
        ws.pushed.put(pushedKey, digest);
      }
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails().errorCode();
      return error((code.equals("RepositoryNotFoundException") ? "name unknown: " : "tag invalid: ")
          + e.awsErrorDetails().errorMessage());
    }
    return Result.ok(ref.tag() + ": digest: " + digest + " size: 1570\n");
  }
}
