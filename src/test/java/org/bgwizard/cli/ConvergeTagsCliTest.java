package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * apply converges (issue 13) the setup's tags through the CLI's entry point: plan shows each kind's tag change with its
 * own AWS CLI tagging command, apply tags every resource in place with tagging calls only, and the apply after it makes
 * no write call in at most 30 calls.
 */
class ConvergeTagsCliTest extends SandboxCliTest {
  private static final List<String> TAGGING = List.of("AddTags", "RemoveTags", "TagResource", "UntagResource",
      "PutBucketTagging", "CreateTags", "DeleteTags", "TagRole", "UpdateProject");

  @Test
  void apply_changedTags_tagsEveryKindInPlace_andTheNextApplyWritesNothing() throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    String before = Files.readString(setup);
    String after = before.replaceFirst("\"tags\" : \\{\\s*\\}", "\"tags\" : { \"team\" : \"blue\" }");
    assertNotEquals(before, after, "the setup file has an empty tags object");
    Files.writeString(setup, after);

    assertEquals(0, sandbox("plan"), err::toString);
    String plan = out.toString();
    contains(plan, "~ tag team: none → blue");
    for (String command : List.of("$ aws elbv2 add-tags --resource-arns ", "$ aws ecs tag-resource --resource-arn ",
        "$ aws deploy tag-resource --resource-arn ", "$ aws logs tag-resource --resource-arn ",
        "$ aws s3api put-bucket-tagging --bucket ", "$ aws ec2 create-tags --resources ",
        "$ aws codecommit tag-resource --resource-arn ")) {
      contains(plan, command);
    }

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertTrue(writes().stream().allMatch(TAGGING::contains), writes()::toString);
    for (String tagging : List.of("AddTags", "TagResource", "PutBucketTagging", "CreateTags")) {
      assertTrue(writes().contains(tagging), writes()::toString);
    }

    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    assertEquals(List.of(), writes());
    assertTrue(calls().size() <= 30, calls().size() + " calls: " + calls());
  }
}
