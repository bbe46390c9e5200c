package org.bgwizard.provision.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bgwizard.aws.Discovery;
import org.bgwizard.aws.SubnetInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir
  Path dir;

  @Test
  void discovery_listsWhatUseExistingOffers_acrossPages() throws Exception {
    var h = new SandboxHarness(dir);
    assertTrue(h.apply().succeeded());
    for (int i = 0; i < 120; i++) {
      String name = "extra-" + i;
      h.clients.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
          + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
          + "\"Action\":\"sts:AssumeRole\"}]}"));
    }
    var discovery = new Discovery(h.clients);

    var vpc = discovery.defaultVpc().orElseThrow();
    var subnets = discovery.subnets(vpc.id());
    var lbs = discovery.loadBalancers();

    assertTrue(vpc.isDefault());
    assertTrue(subnets.size() >= 2 && subnets.stream().allMatch(SubnetInfo::isPublic), subnets::toString);
    assertEquals(subnets.size(), subnets.stream().map(SubnetInfo::availabilityZone).distinct().count());
    assertEquals(1, lbs.size());
    assertEquals(2, lbs.get(0).listeners().size());
    assertTrue(discovery.securityGroups(vpc.id()).size() >= 3);
    assertEquals(1, discovery.clusters().size());
    assertEquals(125, discovery.roles().stream().filter(r -> !r.arn().contains("aws-service-role")).count());
    assertEquals(1, discovery.repositories().size());
  }
}
