package org.bgwizard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

  @Test
  void realRegions_areKnown() {
    assertTrue(Regions.isKnown("us-east-1"));
    assertTrue(Regions.isKnown("ap-northeast-1"));
  }

  @Test
  void globalPseudoRegions_areNotOffered() {
    assertFalse(Regions.isKnown("aws-global"));
    assertFalse(Regions.known().stream().anyMatch(r -> r.startsWith("aws-")));
  }

  @Test
  void typo_suggestsTheIntendedRegionFirst() {
    assertEquals("ap-northeast-1", Regions.nearest("ap-northeast1", 3).get(0));
    assertEquals("us-east-1", Regions.nearest("US-EAST-1", 1).get(0));
    assertEquals(List.of("eu-west-1", "eu-west-2", "eu-west-3"), Regions.nearest("eu-west-9", 3));
  }
}
