package org.bgwizard.sandbox.ecs;

import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.ecs.EcsState.ContainerDefinition;
import org.bgwizard.sandbox.ecs.EcsState.ContainerState;
import org.bgwizard.sandbox.ecs.EcsState.Task;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;

/**
 * What a task's containers need to start (execution role, awslogs group, image pull) and what they write to their
 * awslogs streams; the task lifecycle itself is in {@link EcsTasks}.
 */
final class EcsContainers {
  private final Ports ports;
  private final EcsEngine ecs;

  EcsContainers(Ports ports, EcsEngine ecs) {
    this.ports = ports;
    this.ecs = ecs;
  }

  /** The first reason the task cannot start, or null; records each container's pulled image behaviour. */
  String startFailure(Task task, TaskDefinition td) {
    if (td.executionRoleArn != null) {
      var assume = iam().canAssume(td.executionRoleArn, "ecs-tasks.amazonaws.com");
      if (assume != Ports.IamChecks.Assume.OK) {
        return "ECS was unable to assume the role '" + td.executionRoleArn + "' that was provided for this task. "
            + "Please verify that the role being passed has the proper trust relationship and permissions and that "
            + "your IAM user has permissions to pass this role.";
      }
    }
    for (ContainerDefinition c : td.containerDefinitions) {
      String group = awslogsGroup(c);
      if (group != null && !logs().groupExists(group)) {
        return "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: "
            + "failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not "
            + "exist. : exit status 1";
      }
    }
    String arch = td.runtimePlatform == null || td.runtimePlatform.cpuArchitecture == null ? "X86_64"
        : td.runtimePlatform.cpuArchitecture;
    boolean outbound = task.subnetId != null && ecs.network().isPublic(task.subnetId) && task.publicIp;
    for (ContainerState c : task.containers) {
      Ports.Pull pull = registry().pull(c.image, arch, outbound);
      if (!pull.ok()) {
        c.reason = pull.stoppedReason();
        return pull.stoppedReason();
      }
      c.behaviour = pull.behaviour().name();
      c.exitMessage = pull.stoppedReason();
    }
    return null;
  }

  private static String awslogsGroup(ContainerDefinition c) {
    var log = c.logConfiguration;
    return log != null && "awslogs".equals(log.logDriver) ? log.options.get("awslogs-group") : null;
  }

  void writeLogs(Task task, TaskDefinition td, boolean exiting) {
    for (ContainerState c : task.containers) {
      ContainerDefinition cd = definition(td, c.name);
      String group = awslogsGroup(cd);
      if (group == null || !logs().groupExists(group)) {
        continue;
      }
      String stream = cd.logConfiguration.options.get("awslogs-stream-prefix") + "/" + c.name + "/" + EcsTasks.taskId(task);
      if (!exiting) {
        logs().append(group, stream, "[sandbox] container " + c.name + " started from " + c.image);
        cd.portMappings.forEach(p -> logs().append(group, stream, "[sandbox] listening on port " + p.containerPort));
      } else if (c.exitCode != null) {
        logs().append(group, stream, c.exitMessage != null ? c.exitMessage
            : "[sandbox] process exited with status " + c.exitCode);
      }
    }
  }

  static ContainerDefinition definition(TaskDefinition td, String name) {
    return td.containerDefinitions.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
  }

  private Ports.IamChecks iam() {
    Ports.IamChecks p = ports.iamChecks;
    if (p == null) {
      throw new IllegalStateException("sandbox port iamChecks not wired");
    }
    return p;
  }

  private Ports.Registry registry() {
    Ports.Registry p = ports.registry;
    if (p == null) {
      throw new IllegalStateException("sandbox port registry not wired");
    }
    return p;
  }

  private Ports.LogSink logs() {
    Ports.LogSink p = ports.logSink;
    if (p == null) {
      throw new IllegalStateException("sandbox port logSink not wired");
    }
    return p;
  }
}
