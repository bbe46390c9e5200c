package org.bgwizard.setup;

/**
 * One environment of a setup (development, QA, production…): its own ECS service, target groups, listeners,
 * deployment, ECR repository and pipeline on its own branch. Promotion merges one environment's branch into the
 * next one's, which starts that environment's pipeline.
 *
 * @param name lowercase, short: it is appended to the setup's names ({@link Environments#expand})
 * @param branch the source branch its pipeline runs on (CodeCommit or a connection); for an S3 source the object
 *     key becomes {@code <name>/<key>}
 * @param desiredCount tasks of its service; null: the setup's {@code ecs.desiredCount}
 * @param cpu Fargate CPU units; null: the setup's {@code container.cpu}
 * @param memory Fargate memory in MiB; null: the setup's {@code container.memory}
 * @param approval a manual approval first in the pipeline's build stage (the tutorial's production gate)
 * @param productionPort its production listener port on a shared load balancer; null: derived
 *     ({@link Environments#productionPort})
 * @param testPort its test listener port on a shared load balancer; null: derived
 */
public record Environment(String name, String branch, Integer desiredCount, Integer cpu, Integer memory,
    boolean approval, Integer productionPort, Integer testPort) {

  /** An environment on its own branch with the setup's sizes. */
  public static Environment of(String name, String branch, boolean approval) {
    return new Environment(name, branch, null, null, null, approval, null, null);
  }

  public Environment withBranch(String v) { return new Environment(name, v, desiredCount, cpu, memory, approval, productionPort, testPort); }
  public Environment withDesiredCount(Integer v) { return new Environment(name, branch, v, cpu, memory, approval, productionPort, testPort); }
  public Environment withSize(Integer cpuUnits, Integer memoryMib) { return new Environment(name, branch, desiredCount, cpuUnits, memoryMib, approval, productionPort, testPort); }
  public Environment withApproval(boolean v) { return new Environment(name, branch, desiredCount, cpu, memory, v, productionPort, testPort); }
  public Environment withPorts(Integer production, Integer test) { return new Environment(name, branch, desiredCount, cpu, memory, approval, production, test); }
}
