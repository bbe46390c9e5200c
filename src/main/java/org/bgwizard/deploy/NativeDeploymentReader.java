package org.bgwizard.deploy;

import java.util.List;
import java.util.Map;

/**
 * The reads of an ECS built-in blue/green deployment, one AWS API call each (the monitor counts them). Failures
 * are {@link ReadFailure}s.
 */
public interface NativeDeploymentReader {
  /** ECS DescribeServices: the controller, the deployment configuration and the advanced configuration. */
  NativeConfig nativeService(String cluster, String service);

  /** ECS ListServiceDeployments, newest first. */
  List<String> serviceDeploymentArns(String cluster, String service);

  /** ECS DescribeServiceDeployments of up to 20 ARNs, in the order given. */
  List<NativeDeployment> serviceDeployments(List<String> arns);

  /** ELBv2 DescribeRules of one rule: its forward action's weights by target group ARN. */
  Map<String, Integer> ruleWeights(String ruleArn);
}
