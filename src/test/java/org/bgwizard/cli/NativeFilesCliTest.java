package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository files of an ecs-native setup, through {@code files} and {@code lint}. */
class NativeFilesCliTest {
  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path nativeSetup() {
    Path file = dir.resolve("demo.json");
    assertEquals(0, run("init", "demo", "--strategy", "ecs-native", "--out", file.toString()), err.toString());
    return file;
  }

  @Test
  void files_ecsNative_writesImageDefinitionsBuildspec_withoutAppspecOrTaskdef_andPassesStrictLint() throws Exception {
    Path file = nativeSetup();
    Path repo = dir.resolve("repo");
    assertEquals(0, run("files", file.toString(), "--out", repo.toString(), "--account", "111122223333"),
        err.toString());
    String buildspec = Files.readString(repo.resolve("buildspec.yml"));
    // YAML writes the command quoted, its own quotes escaped
    assertTrue(buildspec.contains("- \"printf '[{\\\"name\\\":\\\"%s\\\",\\\"imageUri\\\":\\\"%s\\\"}]' demo"
        + " $REPOSITORY_URI:$IMAGE_TAG > imagedefinitions.json\""), buildspec);
    assertFalse(buildspec.contains("imageDetail.json"), buildspec);
    assertFalse(Files.exists(repo.resolve("appspec.yaml")));
    assertFalse(Files.exists(repo.resolve("taskdef.json")));
    assertEquals(0, run("lint", repo.toString(), "--setup", file.toString(), "--strict"), err.toString());
  }

  @Test
  void files_all_ecsNative_deploysWithTheEcsAction_andHasNoCodeDeployRoleOrPermission() throws Exception {
    Path file = nativeSetup();
    Path repo = dir.resolve("repo");
    assertEquals(0, run("files", file.toString(), "--out", repo.toString(), "--all", "--account", "111122223333"),
        err.toString());
    String pipeline = Files.readString(repo.resolve("pipeline.json"));
    assertTrue(pipeline.contains("\"provider\": \"ECS\""), pipeline);
    assertTrue(pipeline.contains("\"FileName\": \"imagedefinitions.json\""), pipeline);
    assertTrue(pipeline.contains("\"DeploymentTimeout\": \"60\""), pipeline);
    assertFalse(pipeline.contains("CodeDeploy"), pipeline);
    assertFalse(Files.exists(repo.resolve("iam/codedeploy-trust.json")));
    String trust = Files.readString(repo.resolve("iam/ecs-infrastructure-trust.json"));
    assertTrue(trust.contains("ecs.amazonaws.com"), trust);
    String permissions = Files.readString(repo.resolve("iam/codepipeline-permissions.json"));
    assertTrue(permissions.contains("ecs:UpdateService"), permissions);
    assertTrue(permissions.contains("iam:PassRole"), permissions);
    assertFalse(permissions.contains("codedeploy:"), permissions);
  }

  @Test
  void lint_ecsNativeBuildWritingImageDetail_isAnErrorOfRow35() throws Exception {
    Path file = nativeSetup();
    Path repo = dir.resolve("repo");
    run("files", file.toString(), "--out", repo.toString());
    Path buildspec = repo.resolve("buildspec.yml");
    Files.writeString(buildspec, Files.readString(buildspec)
        .replace("printf '[{\\\"name\\\":\\\"%s\\\",\\\"imageUri\\\":\\\"%s\\\"}]' demo",
            "printf '{\\\"ImageURI\\\":\\\"%s\\\"}'")
        .replace("imagedefinitions.json", "imageDetail.json"));
    assertEquals(1, run("lint", repo.toString(), "--setup", file.toString()));
    String text = err.toString();
    assertTrue(text.contains("imageDetail.json, which only CodeDeploy's blue/green action reads"), text);
    assertTrue(text.contains("row 35"), text);
  }
}
