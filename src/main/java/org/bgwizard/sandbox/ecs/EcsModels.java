package org.bgwizard.sandbox.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bgwizard.sandbox.ecs.EcsState.LoadBalancerRef;
import org.bgwizard.sandbox.ecs.EcsState.NetworkConfig;
import org.bgwizard.sandbox.core.TagLists;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** Translation between the ECS sandbox's state and the SDK's ECS model classes. */
final class EcsModels {
  private EcsModels() {}

  static Map<String, String> tags(List<Tag> tags) {
    return TagLists.toMap(tags, Tag::key, t -> t.value() == null ? "" : t.value());
  }

  static List<Tag> tags(Map<String, String> tags) {
    return TagLists.fromMap(tags, (k, v) -> Tag.builder().key(k).value(v).build());
  }

  static Cluster cluster(EcsState.Cluster c, EcsState st, boolean withTags) {
    var services = st.services.values().stream().filter(s -> s.clusterArn.equals(c.clusterArn)).toList();
    var tasks = st.tasks.values().stream().filter(t -> t.clusterArn.equals(c.clusterArn)).toList();
    return Cluster.builder().clusterArn(c.clusterArn).clusterName(c.clusterName).status(c.status)
        .activeServicesCount((int) services.stream().filter(s -> s.status.equals("ACTIVE")).count())
        .runningTasksCount((int) tasks.stream().filter(t -> t.lastStatus.equals("RUNNING")).count())
        .pendingTasksCount((int) tasks.stream()
            .filter(t -> t.lastStatus.equals("PROVISIONING") || t.lastStatus.equals("PENDING")).count())
        .registeredContainerInstancesCount(0).capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of())
        .tags(withTags ? tags(c.tags) : null)
        .build();
  }

  // ---- task definitions

  static EcsState.TaskDefinition draft(RegisterTaskDefinitionRequest r) {
    var td = new EcsState.TaskDefinition();
    td.family = r.family();
    td.taskRoleArn = r.taskRoleArn();
    td.executionRoleArn = r.executionRoleArn();
    td.networkMode = r.networkModeAsString();
    td.cpu = r.cpu();
    td.memory = r.memory();
    td.requiresCompatibilities = new ArrayList<>(r.requiresCompatibilitiesAsStrings());
    if (r.runtimePlatform() != null) {
      td.runtimePlatform = new EcsState.RuntimePlatform();
      td.runtimePlatform.cpuArchitecture = r.runtimePlatform().cpuArchitectureAsString();
      td.runtimePlatform.operatingSystemFamily = r.runtimePlatform().operatingSystemFamilyAsString();
    }
    for (ContainerDefinition c : r.containerDefinitions()) {
      var cd = new EcsState.ContainerDefinition();
      cd.name = c.name();
      cd.image = c.image();
      cd.cpu = c.cpu();
      cd.memory = c.memory();
      cd.memoryReservation = c.memoryReservation();
      cd.essential = c.essential();
      cd.command = new ArrayList<>(c.command());
      cd.entryPoint = new ArrayList<>(c.entryPoint());
      for (PortMapping p : c.portMappings()) {
        var pm = new EcsState.PortMapping();
        pm.containerPort = p.containerPort();
        pm.hostPort = p.hostPort();
        pm.protocol = p.protocolAsString();
        pm.name = p.name();
        pm.appProtocol = p.appProtocolAsString();
        cd.portMappings.add(pm);
      }
      for (KeyValuePair kv : c.environment()) {
        var e = new EcsState.KeyValue();
        e.name = kv.name();
        e.value = kv.value();
        cd.environment.add(e);
      }
      if (c.logConfiguration() != null) {
        cd.logConfiguration = new EcsState.LogConfiguration();
        cd.logConfiguration.logDriver = c.logConfiguration().logDriverAsString();
        cd.logConfiguration.options.putAll(c.logConfiguration().options());
      }
      td.containerDefinitions.add(cd);
    }
    return td;
  }

  static TaskDefinition taskDefinition(EcsState.TaskDefinition td, String registeredBy) {
    var containers = td.containerDefinitions.stream().map(c -> ContainerDefinition.builder()
        .name(c.name).image(c.image).cpu(c.cpu == null ? 0 : c.cpu).memory(c.memory)
        .memoryReservation(c.memoryReservation).essential(c.essential == null || c.essential)
        .command(c.command).entryPoint(c.entryPoint)
        .portMappings(c.portMappings.stream().map(p -> PortMapping.builder().containerPort(p.containerPort)
            .hostPort(p.hostPort).protocol(p.protocol).name(p.name).appProtocol(p.appProtocol).build()).toList())
        .environment(c.environment.stream().map(e -> KeyValuePair.builder().name(e.name).value(e.value).build())
            .toList())
        .logConfiguration(c.logConfiguration == null ? null : LogConfiguration.builder()
            .logDriver(c.logConfiguration.logDriver).options(c.logConfiguration.options).build())
        .build()).toList();
    return TaskDefinition.builder()
        .taskDefinitionArn(td.taskDefinitionArn).family(td.family).revision(td.revision).status(td.status)
        .containerDefinitions(containers).taskRoleArn(td.taskRoleArn).executionRoleArn(td.executionRoleArn)
        .networkMode(td.networkMode).requiresCompatibilitiesWithStrings(td.requiresCompatibilities)
        .compatibilitiesWithStrings(EcsTaskDefinitions.compatibilities(td)).cpu(td.cpu).memory(td.memory)
        .runtimePlatform(td.runtimePlatform == null ? null : RuntimePlatform.builder()
            .cpuArchitecture(td.runtimePlatform.cpuArchitecture)
            .operatingSystemFamily(td.runtimePlatform.operatingSystemFamily).build())
        .registeredAt(td.registeredAt).deregisteredAt(td.deregisteredAt).registeredBy(registeredBy)
        .build();
  }

  // ---- services

  static NetworkConfig network(NetworkConfiguration n) {
    if (n == null || n.awsvpcConfiguration() == null) {
      return null;
    }
    var c = new NetworkConfig();
    c.subnets.addAll(n.awsvpcConfiguration().subnets());
    c.securityGroups.addAll(n.awsvpcConfiguration().securityGroups());
    c.assignPublicIp = n.awsvpcConfiguration().assignPublicIpAsString();
    return c;
  }

  static NetworkConfiguration network(NetworkConfig n) {
    return n == null ? null : NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
        .subnets(n.subnets).securityGroups(n.securityGroups).assignPublicIp(n.assignPublicIp).build()).build();
  }

  static List<LoadBalancerRef> loadBalancers(List<LoadBalancer> lbs) {
    List<LoadBalancerRef> out = new ArrayList<>();
    for (LoadBalancer lb : lbs) {
      var r = new LoadBalancerRef();
      r.targetGroupArn = lb.targetGroupArn();
      r.containerName = lb.containerName();
      r.containerPort = lb.containerPort() == null ? 0 : lb.containerPort();
      r.advancedConfiguration = EcsBlueGreenModels.advanced(lb.advancedConfiguration());
      out.add(r);
    }
    return out;
  }

  static List<LoadBalancer> loadBalancersToSdk(List<LoadBalancerRef> lbs) {
    return lbs.stream().map(l -> LoadBalancer.builder().targetGroupArn(l.targetGroupArn).containerName(l.containerName)
        .containerPort(l.containerPort).advancedConfiguration(EcsBlueGreenModels.advancedToSdk(l.advancedConfiguration))
        .build()).toList();
  }

  static software.amazon.awssdk.services.ecs.model.Service service(EcsState.Service s, EcsEngine ecs,
      boolean withTags) {
    int running = 0;
    int pending = 0;
    List<TaskSet> sets = new ArrayList<>();
    List<Deployment> deployments = new ArrayList<>();
    for (EcsState.TaskSet t : s.taskSets) {
      var counts = ecs.tasks().counts(s, t);
      running += counts.running();
      pending += counts.pending();
      if (s.deploymentController.equals(EcsEngine.CODE_DEPLOY)) {
        sets.add(taskSet(s, t, counts));
      } else {
        deployments.add(Deployment.builder().id(t.id).status(t.status.equals("PRIMARY") ? "PRIMARY" : "ACTIVE")
            .taskDefinition(t.taskDefinition).desiredCount(EcsTasks.computedDesired(s, t))
            .runningCount(counts.running()).pendingCount(counts.pending()).failedTasks(0)
            .createdAt(t.createdAt).updatedAt(t.updatedAt).launchType(s.launchType).platformVersion(s.platformVersion)
            .networkConfiguration(network(s.network))
            .rolloutState(t.stabilityStatus.equals("STEADY_STATE") && t.status.equals("PRIMARY") ? "COMPLETED"
                : "IN_PROGRESS")
            .build());
      }
    }
    String taskDefinition = s.taskSets.stream().filter(t -> t.status.equals("PRIMARY")).findFirst()
        .map(t -> t.taskDefinition).orElse(null);
    return software.amazon.awssdk.services.ecs.model.Service.builder()
        .serviceArn(s.serviceArn).serviceName(s.serviceName).clusterArn(s.clusterArn)
        .loadBalancers(loadBalancersToSdk(s.loadBalancers)).status(s.status).desiredCount(s.desiredCount)
        .runningCount(running).pendingCount(pending).launchType(s.launchType).platformVersion(s.platformVersion)
        .platformFamily(s.launchType.equals("FARGATE") ? "Linux" : null)
        .taskDefinition(taskDefinition).taskSets(sets).deployments(deployments)
        .roleArn(ecs.serviceLinkedRoleArn())
        .events(s.events.stream().map(e -> ServiceEvent.builder().id(e.id).createdAt(e.createdAt).message(e.message)
            .build()).toList())
        .createdAt(s.createdAt).createdBy(s.createdBy).networkConfiguration(network(s.network))
        .healthCheckGracePeriodSeconds(s.healthCheckGracePeriodSeconds).schedulingStrategy(s.schedulingStrategy)
        .deploymentController(DeploymentController.builder().type(s.deploymentController).build())
        .deploymentConfiguration(s.deploymentController.equals("ECS")
            ? EcsBlueGreenModels.configToSdk(s.deploymentConfiguration) : null)
        .enableECSManagedTags(s.enableEcsManagedTags).propagateTags(s.propagateTags).enableExecuteCommand(false)
        .tags(withTags ? tags(s.tags) : null)
        .build();
  }

  static TaskSet taskSet(EcsState.Service s, EcsState.TaskSet t, EcsTasks.Counts counts) {
    return TaskSet.builder()
        .id(t.id).taskSetArn(t.taskSetArn).serviceArn(s.serviceArn).clusterArn(s.clusterArn).startedBy(t.startedBy)
        .externalId(t.externalId).status(t.status).taskDefinition(t.taskDefinition)
        .computedDesiredCount(EcsTasks.computedDesired(s, t)).pendingCount(counts.pending())
        .runningCount(counts.running()).createdAt(t.createdAt).updatedAt(t.updatedAt).launchType(s.launchType)
        .platformVersion(s.launchType.equals("FARGATE") ? "1.4.0" : null)
        .networkConfiguration(network(t.network != null ? t.network : s.network))
        .loadBalancers(loadBalancersToSdk(t.loadBalancers))
        .scale(Scale.builder().value(t.scalePercent).unit("PERCENT").build())
        .stabilityStatus(t.stabilityStatus).stabilityStatusAt(t.stabilityStatusAt)
        .build();
  }

  // ---- tasks

  static Task task(EcsState.Task t, String region, boolean withTags) {
    var containers = t.containers.stream().map(c -> Container.builder()
        .containerArn(c.containerArn).taskArn(t.taskArn).name(c.name).image(c.image).lastStatus(c.lastStatus)
        .exitCode(c.exitCode).reason(c.reason).healthStatus("UNKNOWN")
        .networkInterfaces(t.privateIp == null ? List.of() : List.of(NetworkInterface.builder()
            .attachmentId(t.attachmentId).privateIpv4Address(t.privateIp).build()))
        .build()).toList();
    List<Attachment> attachments = new ArrayList<>();
    if (t.eniId != null) {
      String mac = String.join(":", t.eniId.substring(4, 6), t.eniId.substring(6, 8), t.eniId.substring(8, 10),
          t.eniId.substring(10, 12), t.eniId.substring(12, 14), t.eniId.substring(14, 16));
      String dns = "ip-" + t.privateIp.replace('.', '-') + (region.equals("us-east-1") ? ".ec2.internal"
          : "." + region + ".compute.internal");
      attachments.add(Attachment.builder().id(t.attachmentId).type("ElasticNetworkInterface")
          .status(t.lastStatus.equals("STOPPED") ? "DELETED" : "ATTACHED")
          .details(KeyValuePair.builder().name("subnetId").value(t.subnetId).build(),
              KeyValuePair.builder().name("networkInterfaceId").value(t.eniId).build(),
              KeyValuePair.builder().name("macAddress").value(mac).build(),
              KeyValuePair.builder().name("privateDnsName").value(dns).build(),
              KeyValuePair.builder().name("privateIPv4Address").value(t.privateIp).build())
          .build());
    }
    boolean fargate = "FARGATE".equals(t.launchType);
    return Task.builder()
        .taskArn(t.taskArn).clusterArn(t.clusterArn).taskDefinitionArn(t.taskDefinitionArn).group(t.group)
        .startedBy(t.startedBy).launchType(t.launchType).platformVersion(fargate ? "1.4.0" : null)
        .platformFamily(fargate ? "Linux" : null).cpu(t.cpu).memory(t.memory).lastStatus(t.lastStatus)
        .desiredStatus(t.desiredStatus).healthStatus("UNKNOWN").availabilityZone(t.availabilityZone)
        .connectivity(t.lastStatus.equals("PROVISIONING") ? null : "CONNECTED")
        .createdAt(t.createdAt).pullStartedAt(t.pullStartedAt).pullStoppedAt(t.pullStoppedAt).startedAt(t.startedAt)
        .stoppingAt(t.stoppingAt).stoppedAt(t.stoppedAt).executionStoppedAt(t.stoppedAt)
        .stopCode(t.stopCode).stoppedReason(t.stoppedReason)
        .containers(containers).attachments(attachments).tags(withTags ? tags(t.tags) : null)
        .build();
  }
}
