package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.List;
import org.bgwizard.sandbox.SandboxFixtures.GroupOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;

/**
 * A CODE_DEPLOY service's network configuration changes only through a CodeDeploy deployment (Amazon ECS API
 * Reference, UpdateService: "If the network configuration, platform version, task definition, or load balancer need to
 * be updated, create a new CodeDeploy deployment"), whose AppSpec gives it under
 * Properties.NetworkConfiguration.AwsvpcConfiguration (CodeDeploy User Guide, "AppSpec 'resources' section for Amazon
 * ECS deployments").
 */
class CodeDeployNetworkConfigurationTest {
  private static final Duration STEP = Duration.ofSeconds(10);

  private static String withNetwork(String appSpec, List<String> subnets, String group, String publicIp) {
    var yaml = new YAMLMapper();
    try {
      var doc = (ObjectNode) yaml.readTree(appSpec);
      var vpc = ((ObjectNode) doc.path("Resources").path(0).path("TargetService").path("Properties"))
          .putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
      subnets.forEach(vpc.putArray("Subnets")::add);
      vpc.putArray("SecurityGroups").add(group);
      vpc.put("AssignPublicIp", publicIp);
      return yaml.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void deployment_withAppSpecNetworkConfiguration_runsTheReplacementSetThere_andTheServiceShowsIt() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(5));
    String group = f.sandbox.ec2().createSecurityGroup(r -> r.groupName("demo-task-sg-2").description("tasks")
        .vpcId(f.vpcId)).groupId();
    f.sandbox.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(80).toPort(80).userIdGroupPairs(UserIdGroupPair.builder().groupId(f.albGroup).build()).build()));
    String content = withNetwork(SandboxFixtures.BlueGreenService.appSpec(f.taskDefinitionArn,
        SandboxFixtures.CONTAINER, 80), List.of(f.subnets.get(0)), group, "ENABLED");

    String id = f.deployAppSpec(content);
    f.advance(STEP);
    var green = f.taskSets().stream().filter(t -> id.equals(t.externalId())).findFirst().orElseThrow();
    assertEquals(vpc(List.of(f.subnets.get(0)), group, "ENABLED"),
        green.networkConfiguration().awsvpcConfiguration());
    f.advanceUntil(id, "Succeeded", STEP, Duration.ofMinutes(30));

    assertEquals("Succeeded", f.status(id));
    var service = f.sandbox.ecs().describeServices(r -> r.cluster(SandboxFixtures.CLUSTER)
        .services(SandboxFixtures.SERVICE)).services().get(0);
    assertEquals(vpc(List.of(f.subnets.get(0)), group, "ENABLED"), service.networkConfiguration()
        .awsvpcConfiguration());
    var tasks = f.sandbox.ecs().describeTasks(r -> r.cluster(SandboxFixtures.CLUSTER).tasks(f.sandbox.ecs()
        .listTasks(l -> l.cluster(SandboxFixtures.CLUSTER)).taskArns())).tasks();
    assertTrue(tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).allMatch(t -> t.attachments().get(0)
        .details().stream().anyMatch(d -> d.name().equals("subnetId") && d.value().equals(f.subnets.get(0)))),
        tasks::toString);
  }

  @Test
  void deployment_withoutNetworkConfiguration_keepsTheServicesOwn() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults().terminationWait(5));
    String id = f.deploy(f.registerTaskDefinition(SandboxFixtures.NGINX));
    f.advanceUntil(id, "Succeeded", STEP, Duration.ofMinutes(30));

    var service = f.sandbox.ecs().describeServices(r -> r.cluster(SandboxFixtures.CLUSTER)
        .services(SandboxFixtures.SERVICE)).services().get(0);
    assertEquals(vpc(f.subnets, f.taskGroup, "ENABLED"), service.networkConfiguration().awsvpcConfiguration());
  }

  @Test
  void deployment_withAnInvalidAssignPublicIp_isRejectedAsAnInvalidRevision() {
    var f = SandboxFixtures.blueGreenService(GroupOptions.defaults());
    String content = withNetwork(SandboxFixtures.BlueGreenService.appSpec(f.taskDefinitionArn,
        SandboxFixtures.CONTAINER, 80), f.subnets, f.taskGroup, "YES");

    BasicServiceAssertions.assertAwsError(InvalidRevisionException.class, "InvalidRevisionException",
        "AssignPublicIp must be ENABLED or DISABLED", () -> f.deployAppSpec(content));
  }

  private static AwsVpcConfiguration vpc(List<String> subnets, String group, String publicIp) {
    return AwsVpcConfiguration.builder().subnets(subnets).securityGroups(group).assignPublicIp(publicIp).build();
  }
}
