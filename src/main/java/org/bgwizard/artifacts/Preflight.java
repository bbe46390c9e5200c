package org.bgwizard.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything exists, the contracts between the repository files, the setup and the IAM documents
 * that the failure catalogue shows breaking (container name and port, placeholders, imageDetail.json, image
 * URIs, architecture, logging, least-privilege policies, …). Pure: reads only what it is given.
 */
public final class Preflight {
  public static final String BUILDSPEC = "buildspec.yml";
  public static final String APPSPEC = "appspec.yaml";
  public static final String TASKDEF = "taskdef.json";
  public static final String DOCKERFILE = "Dockerfile";
  public static final String SETUP = "setup";

  private interface Parser {
    SourceLines parse(String text) throws JsonProcessingException;
  }

  private Preflight() {}

  /** Every finding, ordered by file and line. */
  public static List<Finding> check(PreflightInput in) {
    var out = new ArrayList<Finding>();
    SourceLines buildspec = parse(in.buildspec(), SourceLines::yaml, BUILDSPEC, 27, "buildspec", out);
    SourceLines appspec = parse(in.appspec(), SourceLines::yaml, APPSPEC, 7, "appspec", out);
    SourceLines taskdef = parse(in.taskdef(), SourceLines::json, TASKDEF, 0, "taskdef", out);
    var docs = new Documents(in.spec(), buildspec, buildspec == null ? null : BuildspecFacts.of(buildspec.root()),
        appspec, taskdef);
    SetupChecks.check(docs, out);
    BuildspecChecks.check(docs, out);
    AppspecChecks.check(docs, out);
    TaskdefChecks.check(docs, out);
    DockerfileChecks.check(in.dockerfile(), out);
    PolicyChecks.check(docs, in.permissionPolicies(), in.trustPolicies(), out);
    out.sort(Finding.BY_PLACE);
    return List.copyOf(out);
  }

  /** Whether the deploy stage takes taskdef.json from the repository (so a missing one is a problem). */
  static boolean expectsTaskdefInRepo(PreflightInput in) {
    return deployDocuments(in).taskDefinitionInRepo();
  }

  /** Whether the standard Amazon ECS action deploys (ecs-native), which reads no appspec and no taskdef. */
  static boolean deploysWithEcsAction(PreflightInput in) {
    return deployDocuments(in).ecsAction();
  }

  private static Documents deployDocuments(PreflightInput in) {
    SourceLines buildspec = parse(in.buildspec(), SourceLines::yaml, BUILDSPEC, 27, "buildspec", new ArrayList<>());
    return new Documents(in.spec(), buildspec, buildspec == null ? null : BuildspecFacts.of(buildspec.root()),
        null, null);
  }

  private static SourceLines parse(String text, Parser parser, String file, int row, String kind, List<Finding> out) {
    if (text == null) {
      return null;
    }
    try {
      SourceLines doc = parser.parse(text);
      if (!doc.root().isObject()) {
        out.add(Finding.error(file, null, row, kind + ".notMapping"));
        return null;
      }
      return doc;
    } catch (JsonProcessingException e) {
      out.add(Finding.error(file, SourceLines.lineOf(e), row, kind + ".unparseable", problem(e)));
      return null;
    }
  }

  /** The parser's own words, without the excerpt of the document it quotes. */
  private static String problem(JsonProcessingException e) {
    return e.getOriginalMessage().lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((first, last) -> last).orElse(e.getOriginalMessage()).strip();
  }
}
