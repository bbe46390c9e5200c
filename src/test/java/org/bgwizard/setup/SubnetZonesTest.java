package org.bgwizard.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.Network.SubnetRef;
import org.junit.jupiter.api.Test;

/** The load balancer's subnets: two zones at least, one subnet per zone, said with the field's label. */
class SubnetZonesTest {

  @Test
  void twoSubnetsInOneZone_amongOthers_areRefused_namingTheSubnetsAndTheZone_inEnglishAndJapanese() {
    var problems = SpecValidator.subnetZones(List.of(new SubnetRef("subnet-0a", "us-east-1a"),
        new SubnetRef("subnet-0b", "us-east-1b"), new SubnetRef("subnet-0c", "us-east-1a")));

    assertEquals(1, problems.size());
    assertEquals("Subnets (network.subnets): Subnets subnet-0a, subnet-0c are all in us-east-1a; a load balancer takes at most"
        + " one subnet per Availability Zone: keep one subnet of each zone.", problems.get(0).message(Locale.ENGLISH));
    assertEquals("サブネット (network.subnets): サブネット subnet-0a, subnet-0c はすべて us-east-1a にあります。ロードバランサーには"
        + " 1 つのアベイラビリティーゾーンにつきサブネットを 1 つだけ指定できます。各ゾーンのサブネットを 1 つずつ残してください。",
        problems.get(0).message(Locale.JAPANESE));
  }

  @Test
  void oneSubnetPerZone_inTwoZones_passes_andOneZoneIsRefused() {
    assertEquals(List.of(), SpecValidator.subnetZones(List.of(new SubnetRef("subnet-0a", "us-east-1a"),
        new SubnetRef("subnet-0b", "us-east-1b"))));
    assertEquals("subnets.oneAz", SpecValidator.subnetZones(List.of(new SubnetRef("subnet-0a", "us-east-1a"),
        new SubnetRef("subnet-0c", "us-east-1a"))).get(0).key());
  }
}
