package org.bgwizard.artifacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bgwizard.setup.SetupSpec;

/**
 * The AWS console pages of a created setup, in the order a learner checks them: the pipeline, the CodeDeploy
 * application, the ECS service, the load balancers, and the build project.
 */
public final class ConsoleLinks {
  /** Link names, also the keys of their labels ({@code done.console.<name>}). */
  public static final String PIPELINE = "pipeline";
  public static final String CODEDEPLOY = "codedeploy";
  public static final String SERVICE = "service";
  public static final String LOAD_BALANCERS = "loadBalancers";
  public static final String BUILD = "build";

  private ConsoleLinks() {}

  public static Map<String, String> of(SetupSpec spec) {
    String region = spec.region();
    String home = "https://" + region + ".console.aws.amazon.com/";
    String inRegion = "?region=" + region;
    var links = new LinkedHashMap<String, String>();
    links.put(PIPELINE, home + "codesuite/codepipeline/pipelines/" + path(spec.pipeline().name()) + "/view"
        + inRegion);
    if (spec.codeDeploy() != null) {
      links.put(CODEDEPLOY, home + "codesuite/codedeploy/applications/" + path(spec.codeDeploy().application())
          + inRegion);
    }
    links.put(SERVICE, home + "ecs/v2/clusters/" + path(spec.ecs().cluster()) + "/services/"
        + path(spec.ecs().service()) + "/health" + inRegion);
    links.put(LOAD_BALANCERS, home + "ec2/home" + inRegion + "#LoadBalancers:");
    links.put(BUILD, home + "codesuite/codebuild/projects/" + path(spec.codeBuild().project()) + inRegion);
    return links;
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
