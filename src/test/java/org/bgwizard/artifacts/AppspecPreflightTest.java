package org.bgwizard.artifacts;

import static org.bgwizard.artifacts.Fixtures.check;
import static org.bgwizard.artifacts.Fixtures.edit;
import static org.bgwizard.artifacts.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

class AppspecPreflightTest {
  private static final String APPSPEC = read("seed002-appspec.yaml");
  private static final String TASKDEF = read("seed002-taskdef.json");

  private static List<Finding> appspec(SetupSpec spec, String appspec, String taskdef) {
    return check(PreflightInput.files(spec, null, appspec, taskdef, null)).stream()
        .filter(f -> f.file().equals(Preflight.APPSPEC)).toList();
  }

  private static Finding only(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }

  @Test
  void seed002_appspecAndTaskdef_agree_withAndWithoutTheSetup() {
    assertEquals(List.of(), appspec(null, APPSPEC, TASKDEF));
    assertEquals(List.of(), appspec(Fixtures.seed002Spec(), APPSPEC, TASKDEF));
  }

  @Test
  void seed000Error3_containerNameNotInTaskdef_isRow4AtTheNameLine() {
    Finding f = only(appspec(null, read("seed000-appspec-wrong-container.yml"), read("seed000-taskdef.json")));
    assertEquals("appspec.containerNotInTaskdef", f.key());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(4, f.catalogueRow());
    assertEquals(8, f.line());
    assertEquals(List.of("ay-s-ReactPrc6-forALB-vpc16-container-codepipeline", "ay-s-ReactPrc6-forALB-vpc16-container"),
        f.args());
  }

  @Test
  void containerPortNotInPortMappings_isRow5() {
    Finding f = only(appspec(null, edit(APPSPEC, "ContainerPort: 5000", "ContainerPort: 80"), TASKDEF));
    assertEquals("appspec.portNotInTaskdef", f.key());
    assertEquals(5, f.catalogueRow());
    assertEquals(9, f.line());
  }

  @Test
  void containerNameOrPort_differentFromTheSetup_isRow4And5() {
    SetupSpec spec = Fixtures.seed002Spec();
    String other = edit(edit(APPSPEC, "ContainerName: labo-terraform-admin", "ContainerName: web"),
        "ContainerPort: 5000", "ContainerPort: 8080");
    List<Finding> findings = appspec(spec, other, null);
    assertEquals(List.of("appspec.containerNotSetup", "appspec.portNotSetup"), findings.stream().map(Finding::key).toList());
    assertEquals(List.of(4, 5), findings.stream().map(Finding::catalogueRow).toList());
  }

  @Test
  void realTaskDefinitionArn_insteadOfThePlaceholder_isRow6() {
    Finding f = only(appspec(null, read("seed002-appspec-real-arn.yaml"), TASKDEF));
    assertEquals("appspec.taskDefinitionNotPlaceholder", f.key());
    assertEquals(6, f.catalogueRow());
    assertEquals(6, f.line());
  }

  @Test
  void versionOtherThan00_isRow7() {
    Finding f = only(appspec(null, edit(APPSPEC, "version: 0.0", "version: 0.2"), TASKDEF));
    assertEquals("appspec.version", f.key());
    assertEquals(7, f.catalogueRow());
  }

  @Test
  void noTargetService_isRow7() {
    Finding f = only(appspec(null, edit(APPSPEC, "TargetService:", "Service:"), TASKDEF));
    assertEquals("appspec.noTargetService", f.key());
    assertEquals(7, f.catalogueRow());
  }

  @Test
  void targetServiceOfAnotherType_isRow7() {
    Finding f = only(appspec(null, edit(APPSPEC, "AWS::ECS::Service", "AWS::Lambda::Function"), TASKDEF));
    assertEquals("appspec.targetServiceType", f.key());
    assertEquals(4, f.line());
  }

  @Test
  void noLoadBalancerInfo_isRow4() {
    String text = APPSPEC.substring(0, APPSPEC.indexOf("        LoadBalancerInfo:"));
    assertEquals("appspec.noLoadBalancerInfo", only(appspec(null, text, TASKDEF)).key());
  }

  @Test
  void appspecThatIsAList_isRow7() {
    assertEquals("appspec.notMapping", only(appspec(null, "- version: 0.0\n", TASKDEF)).key());
  }

  @Test
  void brokenYaml_isRow7_withTheParsersLine() {
    Finding f = only(appspec(null, edit(APPSPEC, "Resources:\n", "Resources:\n - [\n"), TASKDEF));
    assertEquals("appspec.unparseable", f.key());
    assertEquals(7, f.catalogueRow());
  }
}
