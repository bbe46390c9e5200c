package org.bgwizard.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

  @ParameterizedTest
  @CsvSource({
      "ap-northeast-1, aws, 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com",
      "cn-north-1, aws-cn, 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn",
      "cn-northwest-1, aws-cn, 123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn",
      "us-gov-west-1, aws-us-gov, 123456789012.dkr.ecr.us-gov-west-1.amazonaws.com"})
  void partitionAndRegistry_followTheRegion(String region, String partition, String registry) {
    Target target = new Target("123456789012", region);
    assertEquals(partition, target.partition());
    assertEquals(registry, target.ecrRegistry());
  }

  @Test
  void accountId_notTwelveDigits_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Target("12345", "ap-northeast-1"));
    assertThrows(IllegalArgumentException.class, () -> new Target("12345678901a", "ap-northeast-1"));
  }

  @Test
  void region_blank_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Target("123456789012", " "));
  }
}
