package org.bgwizard.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.SetupSpec;

/**
 * A small nginx app committed into a new repository so the first pipeline run deploys end to end: a page with
 * the setup's name and a version line the learner edits to release a change.
 */
public final class StarterApp {
  /** ECR Public: no anonymous Docker Hub pull limit in CodeBuild (catalogue row 21). */
  public static final String BASE_IMAGE = "public.ecr.aws/nginx/nginx:stable";
  private static final String WEB_ROOT = "/usr/share/nginx/html";
  private static final String SAFE_PATH = "/[A-Za-z0-9._~/-]*";

  private StarterApp() {}

  public static String dockerfile(SetupSpec spec) {
    Container c = spec.container();
    List<String> lines = new ArrayList<>(List.of(
        "# Starter app: nginx serves html/. Edit html/index.html, commit and push to release a new version.",
        "FROM " + BASE_IMAGE,
        "COPY html/ " + WEB_ROOT + "/"));
    if (c.port() != 80) {
      lines.add("# The container port of the task definition, appspec and target groups");
      lines.add("RUN sed -i -E 's/listen( +)80;/listen\\1" + c.port() + ";/' /etc/nginx/conf.d/default.conf");
    }
    String health = c.healthCheckPath();
    if (!"/".equals(health)) {
      if (!health.matches(SAFE_PATH)) {
        throw new IllegalArgumentException("The starter app cannot serve the health check path '" + health
            + "'; use a plain path such as /health");
      }
      String file = WEB_ROOT + (health.endsWith("/") ? health + "index.html" : health);
      String dir = file.substring(0, file.lastIndexOf('/'));
      lines.add("# Answers the target groups' health check (" + health + ")");
      lines.add("RUN " + (dir.equals(WEB_ROOT) ? "" : "mkdir -p " + dir + " && ") + "echo ok > " + file);
    }
    lines.add("EXPOSE " + c.port());
    return String.join("\n", lines) + "\n";
  }

  public static String indexHtml(SetupSpec spec) {
    return template().replace("{{setupName}}", escapeHtml(spec.name()));
  }

  private static String template() {
    try (InputStream in = StarterApp.class.getResourceAsStream("starter-index.html")) {
      if (in == null) {
        throw new IllegalStateException("starter-index.html is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
