package org.bgwizard.sandbox.ecs;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.ecs.EcsState.ContainerDefinition;
import org.bgwizard.sandbox.ecs.EcsState.ContainerState;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.Task;
import org.bgwizard.sandbox.ecs.EcsState.TaskDefinition;
import org.bgwizard.sandbox.ecs.EcsState.TaskSet;

/** A new PROVISIONING task for a task set: its subnet, private IP, target and containers ({@link EcsTasks} runs it). */
final class EcsTaskLaunch {
  private static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";

  private final SandboxAccount account;
  private final EcsEngine ecs;

  EcsTaskLaunch(SandboxAccount account, EcsEngine ecs) {
    this.account = account;
    this.ecs = ecs;
  }

  private EcsState st() {
    return account.state(EcsState.class);
  }

  private Instant now() {
    return account.now();
  }

  Task launch(EcsState.Service s, TaskSet set) {
    TaskDefinition td = st().taskDefinitions.get(set.taskDefinition);
    String cluster = EcsEngine.clusterName(s.clusterArn);
    var t = new Task();
    String id = account.ids().hex(32);
    t.taskArn = ecs.arn("task/" + cluster + "/" + id);
    t.clusterArn = s.clusterArn;
    t.serviceArn = s.serviceArn;
    t.taskSetId = set.id;
    t.taskDefinitionArn = td.taskDefinitionArn;
    t.group = "service:" + s.serviceName;
    t.startedBy = set.id;
    t.launchType = s.launchType;
    t.cpu = td.cpu;
    t.memory = td.memory;
    t.lastStatus = "PROVISIONING";
    t.desiredStatus = "RUNNING";
    t.createdAt = now();
    t.nextAt = now().plusSeconds(EcsTasks.seconds(account.settings().taskProvisioningSeconds));
    EcsState.NetworkConfig vpc = set.network != null ? set.network : s.network;
    if (vpc != null) {
      Ports.Network network = ecs.network();
      t.subnetId = vpc.subnets.get(Integer.parseInt(account.ids().hex(4), 16) % vpc.subnets.size());
      t.availabilityZone = network.availabilityZoneOf(t.subnetId).orElse(null);
      t.privateIp = allocateIp(network.cidrOf(t.subnetId).orElse(DEFAULT_VPC_CIDR));
      t.eniId = "eni-" + account.ids().hex(17);
      t.attachmentId = account.ids().uuid();
      t.securityGroups.addAll(vpc.securityGroups);
      t.publicIp = "ENABLED".equals(vpc.assignPublicIp);
    }
    if (!set.loadBalancers.isEmpty()) {
      LoadBalancerRef lb = set.loadBalancers.get(0);
      t.targetGroupArn = lb.targetGroupArn;
      t.targetPort = lb.containerPort;
    }
    for (ContainerDefinition cd : td.containerDefinitions) {
      var c = new ContainerState();
      c.containerArn = ecs.arn("container/" + cluster + "/" + id + "/" + account.ids().uuid());
      c.name = cd.name;
      c.image = cd.image;
      c.lastStatus = "PENDING";
      t.containers.add(c);
    }
    if ("SERVICE".equals(s.propagateTags)) {
      t.tags.putAll(s.tags);
    } else if ("TASK_DEFINITION".equals(s.propagateTags)) {
      t.tags.putAll(td.tags);
    }
    st().tasks.put(t.taskArn, t);
    return t;
  }

  private String allocateIp(String cidr) {
    String[] parts = cidr.split("/");
    long base = 0;
    for (String octet : parts[0].split("\\.")) {
      base = base * 256 + Integer.parseInt(octet);
    }
    long usable = (1L << (32 - Integer.parseInt(parts[1]))) - 5;
    Set<String> used = new HashSet<>();
    st().tasks.values().stream().filter(t -> !t.lastStatus.equals("STOPPED") && t.privateIp != null)
        .forEach(t -> used.add(t.privateIp));
    long start = Long.parseLong(account.ids().hex(8), 16) % usable;
    for (long i = 0; i < usable; i++) {
      long ip = base + 4 + (start + i) % usable;
      String s = (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
      if (!used.contains(s)) {
        return s;
      }
    }
    throw new IllegalStateException("no free address left in " + cidr);
  }
}
