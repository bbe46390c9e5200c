package org.bgwizard.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.core.Service;

/**
 * Simulated round-trip time of one API call, by service and kind of call: reads are quick, writes slower, and a
 * few creating calls slower still. Rough figures for a client in the same region (IAM is global and slower);
 * see bench/provision.md. Not measured: a model that makes the benchmark's schedule realistic.
 */
final class LatencyModel {
  private static final List<String> WRITES = List.of("Create", "Put", "Register", "Update", "Modify", "Authorize",
      "Delete", "Deregister", "Attach", "Detach", "Tag", "Untag", "Batch");
  private static final Map<String, Integer> SLOW_WRITES = Map.of(
      "CreateLoadBalancer", 1200,
      "CreateService", 900,
      "CreatePipeline", 800,
      "CreateCommit", 700,
      "CreateBucket", 600,
      "CreateCluster", 500,
      "CreateRole", 500);
  private static final Map<Service, int[]> BY_SERVICE = Map.ofEntries(
      Map.entry(Service.IAM, new int[] {200, 450}),
      Map.entry(Service.STS, new int[] {100, 100}),
      Map.entry(Service.EC2, new int[] {150, 350}),
      Map.entry(Service.ELBV2, new int[] {150, 400}),
      Map.entry(Service.ECS, new int[] {100, 300}),
      Map.entry(Service.ECR, new int[] {100, 250}),
      Map.entry(Service.LOGS, new int[] {80, 150}),
      Map.entry(Service.S3, new int[] {80, 200}),
      Map.entry(Service.CODECOMMIT, new int[] {120, 400}),
      Map.entry(Service.CODEDEPLOY, new int[] {120, 300}),
      Map.entry(Service.CODEBUILD, new int[] {120, 400}),
      Map.entry(Service.CODEPIPELINE, new int[] {150, 400}),
      Map.entry(Service.SNS, new int[] {80, 150}),
      Map.entry(Service.EVENTBRIDGE, new int[] {100, 250}),
      Map.entry(Service.CODECONNECTIONS, new int[] {120, 300}),
      Map.entry(Service.SECRETSMANAGER, new int[] {100, 200}));

  private LatencyModel() {}

  static Duration of(Service service, String operation) {
    if (SLOW_WRITES.containsKey(operation)) {
      return Duration.ofMillis(SLOW_WRITES.get(operation));
    }
    int[] readWrite = BY_SERVICE.get(service);
    boolean write = WRITES.stream().anyMatch(operation::startsWith);
    return Duration.ofMillis(write ? readWrite[1] : readWrite[0]);
  }
}
