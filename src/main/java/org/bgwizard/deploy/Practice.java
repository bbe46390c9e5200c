package org.bgwizard.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sandbox practice: "release a new version" commits the next version line of {@code html/index.html} and the
 * sandbox-only {@code sandbox-release.json} saying how the built image behaves; the push starts the pipeline
 * through its EventBridge rule (a pipeline without change detection is started), so a learner can watch a
 * blue/green deployment, reroute, or practise a rollback on a broken one.
 */
public final class Practice {
  public static final String INDEX_HTML = "html/index.html";
  public static final String RELEASE_FILE = "sandbox-release.json";
  private static final Pattern VERSION = Pattern.compile("Version (\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the released image behaves in the sandbox. */
  public enum Behaviour { HEALTHY, UNHEALTHY, CRASHES }

  private final PracticeSource source;

  public Practice(PracticeSource source) {
    this.source = source;
  }

  /** Commits the next version with {@code behaviour}; returns the id of the run of {@code pipeline} it starts. */
  public String release(String repository, String branch, String pipeline, Behaviour behaviour) {
    String index = source.readFile(repository, branch, INDEX_HTML);
    if (index == null) {
      throw new IllegalStateException(repository + " has no " + INDEX_HTML + " on " + branch + " to release");
    }
    Map<String, String> files = new LinkedHashMap<>();
    int next = nextVersion(index);
    files.put(INDEX_HTML, VERSION.matcher(index).replaceFirst("Version " + next));
    files.put(RELEASE_FILE, releaseJson(behaviour));
    String before = source.latestRun(pipeline);
    source.commit(repository, branch, files, "Release version " + next
        + (behaviour == Behaviour.HEALTHY ? "" : " (practice: " + behaviour.name().toLowerCase() + " image)"));
    // starting a pipeline the push has started already would run the same commit twice
    String started = source.latestRun(pipeline);
    return started != null && !started.equals(before) ? started : source.startPipeline(pipeline);
  }

  static int nextVersion(String index) {
    Matcher m = VERSION.matcher(index);
    if (!m.find()) {
      throw new IllegalStateException(INDEX_HTML + " has no \"Version N\" line to change");
    }
    return Integer.parseInt(m.group(1)) + 1;
  }

  private static String releaseJson(Behaviour behaviour) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("behaviour", behaviour.name())) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
