package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.check;
import static org.bgwizard.artifacts.Fixtures.edit;
import static org.bgwizard.artifacts.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskdefPreflightTest {
  private static final String TASKDEF = read("seed002-taskdef.json");

  private static List<Finding> taskdef(SetupSpec spec, String text) {
    return check(PreflightInput.files(spec, null, null, text, null)).stream()
        .filter(f -> f.file().equals(Preflight.TASKDEF)).toList();
  }

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }

  private static List<String> keys(List<Finding> findings) {
    return findings.stream().map(Finding::key).toList();
  }

  @Test
  void seed002Taskdef_hasNoFindings_withOrWithoutTheSetup() {
    assertEquals(List.of(), taskdef(null, TASKDEF));
    assertEquals(List.of(), taskdef(Fixtures.seed002Spec(), TASKDEF));
  }

  @Test
  void seed002FirstTaskdef_repositoryNameAsImage_isRow1AndRow18() {
    List<Finding> findings = taskdef(null, edit(TASKDEF, "\"<IMAGE1_NAME>\"", "\"labo-terraform-admin\""));
    assertEquals(List.of("taskdef.noImagePlaceholder", "taskdef.imageNotQualified"), keys(findings));
    assertEquals(List.of(1, 18), findings.stream().map(Finding::catalogueRow).toList());
    assertEquals(Severity.WARNING, findings.get(1).severity());
    assertEquals(6, findings.get(1).line());
  }

  @Test
  void fullEcrImage_withoutPlaceholder_isAcceptedWhenTheBuildGeneratesTheTaskdef() {
    SetupSpec spec = Fixtures.seed002Spec();
    spec = spec.withCodeBuild(BuildspecPreflightTest.withMode(spec.codeBuild(), TaskDefinitionMode.GENERATED_IN_BUILD));
    String text = edit(TASKDEF, "\"<IMAGE1_NAME>\"", "\"291867443967.dkr.ecr.ap-northeast-1.amazonaws.com/labo:1\"");
    assertEquals(List.of(), taskdef(spec, text));
    assertEquals(List.of("taskdef.noImagePlaceholder"), keys(taskdef(null, text)));
  }

  @Test
  void bridgeNetworkMode_isRejected() {
    Finding f = only(taskdef(null, edit(TASKDEF, "\"awsvpc\"", "\"bridge\"")));
    assertEquals("taskdef.networkMode", f.key());
    assertEquals(40, f.line());
  }

  @Test
  void ec2Compatibility_isRejected() {
    assertEquals("taskdef.notFargate", only(taskdef(null, edit(TASKDEF, "\"FARGATE\"", "\"EC2\""))).key());
  }

  @ParameterizedTest
  @CsvSource({"256,512,true", "256,4096,false", "1 vCPU,2 GB,true", "0.5 vCPU,1GB,true", "512,512,false",
      "16384,122880,true", "16384,40000,false", "300,1024,false"})
  void fargateCpuMemoryPairs_areChecked(String cpu, String memory, boolean valid) {
    String text = edit(edit(TASKDEF, "\"cpu\": \"256\"", "\"cpu\": \"" + cpu + "\""),
        "\"memory\": \"512\"", "\"memory\": \"" + memory + "\"");
    assertEquals(valid ? List.of() : List.of("taskdef.fargateSize"), keys(taskdef(null, text)));
  }

  @Test
  void noExecutionRole_withAwslogs_isRow24() {
    Finding f = only(taskdef(null, edit(TASKDEF, "\"executionRoleArn\": \"arn:aws:iam::291867443967:role/ecsTaskExecutionRole\",", "")));
    assertEquals("taskdef.noExecutionRole", f.key());
    assertEquals(24, f.catalogueRow());
  }

  @Test
  void noExecutionRole_withAnEcrImageAndNoLogs_isRow24() {
    String text = """
        {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256",
         "memory": "512", "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>"}]}""";
    assertEquals(List.of("taskdef.noExecutionRole"), keys(taskdef(null, text)));
    assertEquals(List.of(), keys(taskdef(null, text.replace("<IMAGE1_NAME>", "public.ecr.aws/nginx/nginx:stable")))
        .stream().filter(k -> k.equals("taskdef.noExecutionRole")).toList());
  }

  @Test
  void awslogsWithoutStreamPrefix_isRow24() {
    Finding f = only(taskdef(null, edit(TASKDEF, ",\n          \"awslogs-stream-prefix\":\"awslogs-admin-panel\"", "")));
    assertEquals("taskdef.awslogsOption", f.key());
    assertEquals(List.of("labo-terraform-admin", "awslogs-stream-prefix"), f.args());
  }

  @Test
  void logGroupOrRegion_differentFromTheSetup_isRow24() {
    String text = edit(edit(TASKDEF, "/ecs/aws-ecs-getting-started", "/ecs/other"), "\"awslogs-region\":\"ap-northeast-1\"",
        "\"awslogs-region\":\"us-east-1\"");
    List<Finding> findings = taskdef(Fixtures.seed002Spec(), text);
    assertEquals(List.of("taskdef.logGroupMismatch", "taskdef.logRegionMismatch"), keys(findings));
    assertEquals(List.of(24, 24), findings.stream().map(Finding::catalogueRow).toList());
    assertEquals(List.of(28, 29), findings.stream().map(Finding::line).toList());
  }

  @Test
  void x86Taskdef_forAnArm64Setup_isRow20() {
    SetupSpec arm = Fixtures.withArchitecture(Fixtures.seed002Spec(), Architecture.ARM64);
    Finding f = only(taskdef(arm, TASKDEF).stream().filter(x -> x.catalogueRow() == 20).toList());
    assertEquals("taskdef.architectureMismatch", f.key());
    String armTaskdef = edit(TASKDEF, "\"networkMode\"", "\"runtimePlatform\": {\"cpuArchitecture\": \"ARM64\"},\n  \"networkMode\"");
    assertEquals(List.of(), taskdef(arm, armTaskdef).stream().filter(x -> x.catalogueRow() == 20).toList());
  }

  @Test
  void setupContainerMissingFromTaskdef_isRow4_andItsPortMissing_isRow5() {
    assertEquals(List.of("taskdef.containerNotSetup"),
        keys(taskdef(Fixtures.seed002Spec(), edit(TASKDEF, "\"name\": \"labo-terraform-admin\"", "\"name\": \"web\""))));
    Finding port = only(taskdef(Fixtures.seed002Spec(), edit(TASKDEF, "\"containerPort\": 5000", "\"containerPort\": 80")));
    assertEquals("taskdef.portNotSetup", port.key());
    assertEquals(5, port.catalogueRow());
  }

  @Test
  void invalidJson_isReportedAtTheParsersLine() {
    Finding f = only(taskdef(null, edit(TASKDEF, "\"essential\": true,", "\"essential\": true,,")));
    assertEquals("taskdef.unparseable", f.key());
    assertEquals(24, f.line());
  }

  @Test
  void taskdefThatIsAnArray_isRejected() {
    assertEquals(List.of("taskdef.notMapping"), keys(taskdef(null, "[]")));
  }

  @Test
  void noContainerDefinitions_isRejected() {
    assertEquals(List.of("taskdef.noContainers"), keys(taskdef(null, "{\"family\": \"x\", \"containerDefinitions\": []}")));
  }
}
