package org.bgwizard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bgwizard.artifacts.Json;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.SetupSpec;
import org.junit.jupiter.api.Test;

class CloudFormationImportTest {
  private static final CloudFormationImport.AccountFacts FACTS = new CloudFormationImport.AccountFacts("123456789012",
      "vpc-1", List.of("subnet-a", "subnet-b"), null, Map.of(), Set.of());

  @Test
  void identifiers_areThePrimaryIdentifiersOfTheResourceSchemas() {
    ImportIdentifiers.all().forEach((type, keys) -> {
      JsonNode schema = ResourceSchemas.of(type).orElseThrow();
      List<String> primary = new ArrayList<>();
      schema.get("primaryIdentifier").forEach(p -> primary.add(p.asText().replace("/properties/", "")));
      assertEquals(primary, keys.stream().map(ImportIdentifiers.Key::property).toList(), type);
    });
  }

  /**
   * The types of the import template that CloudFormation's "Resource type support" table lists or that are
   * provisionable (Cloud Control) types, as checked on
   * 2026-12-07 (see {@link ImportIdentifiers} for the sources).
   */
  private static final Set<String> IMPORTABLE_BY_THE_PAGE = Set.of("AWS::IAM::Role", "AWS::ECR::Repository",
      "AWS::EC2::SecurityGroup", "AWS::Logs::LogGroup", "AWS::S3::Bucket", "AWS::ElasticLoadBalancingV2::TargetGroup",
      "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECS::Service",
      "AWS::CodeDeploy::Application", "AWS::CodePipeline::Pipeline", "AWS::Events::Rule",
      "AWS::CodeConnections::Connection", "AWS::SNS::Topic", "AWS::SNS::Subscription");

  @Test
  void everyTypeOfTheTemplates_isImported_exactlyWhenTheResourceTypeSupportTableListsIt() {
    var seen = new java.util.TreeSet<String>();
    for (SetupSpec spec : List.of(ExportSpecs.tutorial(), ExportSpecs.s3Source(), ExportSpecs.ecsNative(),
        ExportSpecs.ecsNativeCanaryExistingRole(), ExportSpecs.newConnection(), ExportSpecs.existingParts(),
        ExportSpecs.twoEnvironments())) {
      SetupTemplate.of(spec).resources().forEach(r -> seen.add(r.type()));
    }
    for (String type : seen) {
      boolean listed = IMPORTABLE_BY_THE_PAGE.contains(type);
      assertEquals(listed, ImportIdentifiers.of(type).isPresent(), type + ": identifier keys");
      assertEquals(!listed, ImportIdentifiers.advice(type).isPresent(), type + ": advice for what cannot be imported");
    }
    assertTrue(seen.containsAll(Set.of("AWS::CodeBuild::Project", "AWS::CodeDeploy::DeploymentGroup",
        "AWS::CodeCommit::Repository", "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::Events::Rule")), seen::toString);
  }

  @Test
  void prepare_ofASetupWithEnvironments_importsEachEnvironmentsResourcesFromTheOneJournal() throws Exception {
    SetupSpec spec = ExportSpecs.twoEnvironments();
    var journal = new ArrayList<JournalEntry>();
    for (TemplateResource r : SetupTemplate.of(spec).resources()) {
      String name = r.journalRef().name().replace(AccountNeutral.ACCOUNT, FACTS.accountId());
      if (!r.logicalId().equals("TestListenerProd")) {
        journal.add(new JournalEntry(new ResourceRef(r.journalRef().kind(), name), Origin.CREATE,
            JournalEntry.State.DONE, Map.of("arn", "arn:aws:x:::" + name, "id", "sg-" + name.hashCode(),
                "cluster", "demo-cluster"), null, Map.of()));
      }
    }

    var prepared = CloudFormationImport.prepare(spec, "demo", "demo.json", journal, FACTS);

    JsonNode importTemplate = TemplateChecks.parse(prepared.files().get(CloudFormationImport.IMPORT_TEMPLATE));
    assertEquals(List.of(), TemplateChecks.problems(importTemplate));
    JsonNode toImport = Json.read(prepared.files().get(CloudFormationImport.RESOURCES_TO_IMPORT));
    assertEquals(importTemplate.get("Resources").size(), toImport.size());
    assertEquals("demo-service-dev", find(toImport, "ServiceDev").at("/ResourceIdentifier/ServiceArn").asText()
        .replace("arn:aws:x:::", ""));
    assertEquals("arn:aws:x:::demo-approvals", find(toImport, "ApprovalTopic").at("/ResourceIdentifier/TopicArn")
        .asText());
    assertEquals("demo-pipeline-prod", find(toImport, "PipelineProd").at("/ResourceIdentifier/Name").asText());
    assertEquals(1, java.util.stream.StreamSupport.stream(toImport.spliterator(), false)
        .filter(r -> r.get("LogicalResourceId").asText().equals("CodePipelineRole")).count(), "a shared role once");
    assertTrue(prepared.leftOut().stream().anyMatch(l -> l.startsWith("elbv2-listener/demo-alb-prod:8080:")),
        prepared.leftOut().toString());
    assertEquals("arn:aws:x:::demo-approvals:release@example.com", find(toImport, "ApprovalEmailSubscription")
        .at("/ResourceIdentifier/Arn").asText(), "a confirmed subscription is imported by its ARN");
    assertTrue(prepared.leftOut().stream().noneMatch(l -> l.contains("SNS::Subscription")
        || l.contains("demo-approvals:")), prepared.leftOut().toString());
    // one line a type, its advice worded for several
    assertTrue(prepared.leftOut().contains("AWS::CodeBuild::Project demo-build, demo-test: CloudFormation cannot"
        + " import this type. They hold no data: delete them (aws codebuild delete-project) once no build runs, and let"
        + " the stack create them again from template.yaml."), "one line a type: " + prepared.leftOut());
    assertTrue(prepared.leftOut().contains("AWS::CodeDeploy::DeploymentGroup DgpECS-demo-cluster-demo-service-dev,"
        + " DgpECS-demo-cluster-demo-service-prod: CloudFormation cannot import this type. They hold settings only:"
        + " delete them (aws deploy delete-deployment-group) while no deployment runs, and let the stack create them"
        + " again from template.yaml."), prepared.leftOut().toString());
    assertTrue(prepared.commands().contains("\n# 5. What CloudFormation cannot import: delete the build projects and"
        + " every environment's deployment group while nothing runs, and let the stack create them again (with the"
        + " outputs)\naws codebuild delete-project --name demo-build --region ap-northeast-1\n"
        + "aws codebuild delete-project --name demo-test --region ap-northeast-1\n"
        + "aws deploy delete-deployment-group --application-name AppECS-demo-cluster-demo-service"
        + " --deployment-group-name DgpECS-demo-cluster-demo-service-dev --region ap-northeast-1\n"
        + "aws deploy delete-deployment-group --application-name AppECS-demo-cluster-demo-service"
        + " --deployment-group-name DgpECS-demo-cluster-demo-service-prod --region ap-northeast-1\n"
        + "aws cloudformation deploy --stack-name demo"), prepared.commands());
    assertEquals(List.of(), TemplateChecks.problems(TemplateChecks.parse(prepared.files().get(
        CloudFormationImport.TEMPLATE))));
  }

  @Test
  void prepare_ofAnEmailSubscriptionPendingConfirmation_leavesItOut_sayingWhyInBothLanguages() throws Exception {
    SetupSpec spec = ExportSpecs.twoEnvironments();
    var journal = new ArrayList<JournalEntry>();
    for (TemplateResource r : SetupTemplate.of(spec).resources()) {
      String name = r.journalRef().name().replace(AccountNeutral.ACCOUNT, FACTS.accountId());
      boolean subscription = r.type().equals("AWS::SNS::Subscription");
      journal.add(new JournalEntry(new ResourceRef(r.journalRef().kind(), name), Origin.CREATE,
          JournalEntry.State.DONE, Map.of("arn", subscription ? "pending confirmation" : "arn:aws:x:::" + name,
              "id", "sg-" + name.hashCode(), "cluster", "demo-cluster"), null, Map.of()));
    }
    var pending = new ResourceRef("sns-subscription", "demo-approvals:release@example.com");
    var stillPending = new CloudFormationImport.AccountFacts("123456789012", "vpc-1", List.of("subnet-a", "subnet-b"),
        null, Map.of(pending, "PendingConfirmation"), Set.of());

    var prepared = CloudFormationImport.prepare(spec, "demo", "demo.json", journal, stillPending);

    JsonNode toImport = Json.read(prepared.files().get(CloudFormationImport.RESOURCES_TO_IMPORT));
    assertTrue(java.util.stream.StreamSupport.stream(toImport.spliterator(), false)
        .noneMatch(r -> r.get("ResourceType").asText().equals("AWS::SNS::Subscription")), toImport.toString());
    assertTrue(prepared.leftOut().contains("sns-subscription/demo-approvals:release@example.com: the address has not"
        + " confirmed the subscription yet, so it has no ARN to import it by. Follow the link in the confirmation mail"
        + " AWS sent and write the import files again, or leave it: deploying template.yaml after the import"
        + " subscribes the address through the stack (AWS mails a confirmation request again)."),
        prepared.leftOut().toString());
    assertTrue(prepared.leftOut(Locale.JAPANESE).stream().anyMatch(l -> l.startsWith("sns-subscription/demo-approvals:"
        + "release@example.com: アドレスがまだサブスクリプションを確認していないため")), prepared.leftOut(Locale.JAPANESE)
        .toString());

    var confirmedSince = new CloudFormationImport.AccountFacts("123456789012", "vpc-1", List.of("subnet-a",
        "subnet-b"), null, Map.of(pending, "arn:aws:sns:ap-northeast-1:123456789012:demo-approvals:1b2c"), Set.of());
    JsonNode fromTheAccount = Json.read(CloudFormationImport.prepare(spec, "demo", "demo.json", journal,
        confirmedSince).files().get(CloudFormationImport.RESOURCES_TO_IMPORT));
    assertEquals("arn:aws:sns:ap-northeast-1:123456789012:demo-approvals:1b2c", find(fromTheAccount,
        "ApprovalEmailSubscription").at("/ResourceIdentifier/Arn").asText(), "confirmed since: the account's ARN");
  }

  @Test
  void typesSaidNotImportable_haveOnlyAReadOnlyIdAsPrimaryIdentifier() {
    for (String type : List.of("AWS::CodeBuild::Project", "AWS::CodeDeploy::DeploymentGroup",
        "AWS::CodeCommit::Repository")) {
      assertTrue(ImportIdentifiers.advice(type).isPresent(), type);
      JsonNode schema = ResourceSchemas.of(type).orElseThrow();
      assertEquals("[\"/properties/Id\"]", schema.get("primaryIdentifier").toString(), type);
      assertTrue(schema.get("readOnlyProperties").toString().contains("\"/properties/Id\""), type);
    }
  }

  @Test
  void prepare_importsWhatTheJournalRecords_withRetain_andReportsTheRest() throws Exception {
    SetupSpec spec = ExportSpecs.s3Source();
    var journal = journalWithoutTheTestListener(spec);
    journal.add(new JournalEntry(new ResourceRef("ecs-cluster", "theirs"), Origin.REUSE, JournalEntry.State.DONE,
        Map.of(), null, Map.of()));

    var prepared = CloudFormationImport.prepare(spec, "demo", "demo.json", journal, FACTS);

    JsonNode importTemplate = TemplateChecks.parse(prepared.files().get(CloudFormationImport.IMPORT_TEMPLATE));
    assertEquals(List.of(), TemplateChecks.problems(importTemplate));
    assertFalse(importTemplate.has("Outputs"), "an import takes no outputs");
    JsonNode toImport = Json.read(prepared.files().get(CloudFormationImport.RESOURCES_TO_IMPORT));
    assertEquals(importTemplate.get("Resources").size(), toImport.size());
    toImport.forEach(r -> assertEquals("Retain", importTemplate.at("/Resources/" + r.get("LogicalResourceId").asText()
        + "/DeletionPolicy").asText(), r.toString()));
    assertEquals("demo-artifacts-123456789012", find(toImport, "ArtifactBucket").at("/ResourceIdentifier/BucketName")
        .asText());
    assertEquals("demo-source-bucket", find(toImport, "SourceBucket").at("/ResourceIdentifier/BucketName").asText());
    assertTrue(prepared.leftOut().contains("elbv2-listener/demo-alb:8080: the journal has no record that apply made"
        + " it; the stack creates it from template.yaml"), prepared.leftOut().toString());
    assertTrue(prepared.leftOut().stream().anyMatch(l -> l.startsWith("AWS::CodeBuild::Project demo-build:")));
    assertFalse(prepared.leftOut().stream().anyMatch(l -> l.contains("theirs")), "the user's own are not ours");
    assertEquals(List.of(), TemplateChecks.problems(TemplateChecks.parse(prepared.files().get(
        CloudFormationImport.TEMPLATE))));
  }

  @Test
  void prepare_inJapanese_explainsTheCommandsAndWhatIsLeftOutInJapanese_withTheSameCommands() throws Exception {
    SetupSpec spec = ExportSpecs.tutorial();
    var journal = journalWithoutTheTestListener(spec);

    var prepared = CloudFormationImport.prepare(spec, "demo-stack", "demo.json", journal, FACTS);

    String japanese = prepared.commands(Locale.JAPANESE);
    String english = prepared.commands();
    assertTrue(japanese.contains("# 2. インポート用の変更セット: スタック demo-stack を作成し、何も作り直さない\n"
        + "aws cloudformation create-change-set --stack-name demo-stack"), japanese);
    assertTrue(japanese.contains("# 5. CloudFormation がインポートできないもの: 何も実行されていない間にビルドプロジェクトと"
        + "デプロイグループを削除し"), japanese);
    assertEquals(english.lines().filter(l -> !l.startsWith("#")).toList(),
        japanese.lines().filter(l -> !l.startsWith("#")).toList(), "the commands themselves are the same");
    assertEquals(english.lines().filter(l -> l.startsWith("#")).count(),
        japanese.lines().filter(l -> l.startsWith("#") && l.codePoints().anyMatch(c -> c > 0x3000)).count(),
        "every comment is in Japanese: " + japanese);
    List<String> leftOut = prepared.leftOut(Locale.JAPANESE);
    assertEquals(prepared.leftOut().size(), leftOut.size());
    assertTrue(leftOut.contains("elbv2-listener/demo-alb:8080: apply が作成した記録がジャーナルにありません。"
        + "スタックが template.yaml から作成します"), leftOut.toString());
    assertTrue(leftOut.contains("AWS::CodeDeploy::DeploymentGroup DgpECS-demo-cluster-demo-service: CloudFormation はこの種類をインポートできません。"
        + "設定だけを持ちます。デプロイが実行されていないときに削除し（aws deploy delete-deployment-group）、template.yaml"
        + " からスタックに作り直させてください。"), leftOut.toString());
    assertFalse(prepared.files().get(CloudFormationImport.README).contains("インポート"), "the files stay in English");
  }

  @Test
  void readme_inJapanese_isAllJapaneseButTheCommandsAndNames_andTheOtherFilesAreTheSame() throws Exception {
    SetupSpec spec = ExportSpecs.twoEnvironments();
    var journal = journalWithoutTheTestListener(spec);

    var prepared = CloudFormationImport.prepare(spec, "demo-stack", "demo.json", journal, FACTS);

    Map<String, String> japanese = prepared.files(Locale.JAPANESE);
    String readme = japanese.get(CloudFormationImport.README);
    assertTrue(readme.startsWith("# 構成 demo を CloudFormation スタック demo-stack の管理下に移す\n\n"
        + "以下のコマンドは、このフォルダーで"), readme);
    assertTrue(readme.contains("\n- `import-template.yaml`: CloudFormation がインポートできるリソース。"), readme);
    assertTrue(readme.contains("\n```sh\n" + prepared.commands(Locale.JAPANESE) + "```\n"), readme);
    assertTrue(readme.contains("\n## インポートに含めないもの\n\n- " + prepared.leftOut(Locale.JAPANESE).get(0) + "\n"),
        readme);
    assertTrue(readme.contains("\n## インポートの後で\n\n- ドリフト検出を実行してください（`aws cloudformation"
        + " detect-stack-drift --stack-name demo-stack`）"), readme);
    assertTrue(readme.contains("ターゲットグループの間でトラフィックを移す"), "the CodeDeploy strategy's note: " + readme);
    for (String line : readme.lines().toList()) {
      // outside the commands, every sentence is Japanese: only code, names and commands stay as they are
      boolean command = line.startsWith("aws ") || line.startsWith("bluegreen-wizard ") || line.startsWith("```");
      assertTrue(line.isBlank() || command || line.codePoints().anyMatch(c -> c > 0x3000), line);
    }
    assertTrue(prepared.files().get(CloudFormationImport.README).startsWith("# Moving the setup demo under the"
        + " CloudFormation stack demo-stack\n"), "the command line's README stays English");
    for (String name : List.of(CloudFormationImport.IMPORT_TEMPLATE, CloudFormationImport.RESOURCES_TO_IMPORT,
        CloudFormationImport.TEMPLATE)) {
      assertEquals(prepared.files().get(name), japanese.get(name), name);
    }
    assertEquals(List.copyOf(prepared.files().keySet()), List.copyOf(japanese.keySet()));
  }

  @Test
  void stackNames_followCreateStack_lettersDigitsAndHyphens_startingWithALetter_128AtMost() {
    for (String good : List.of("shop", "shop-prod-2", "S", "a" + "-".repeat(127))) {
      assertTrue(StackMarker.isStackName(good), good);
    }
    for (String bad : List.of("", "1shop", "-shop", "shop_prod", "shop prod", "shop.prod", "ショップ",
        "a".repeat(129))) {
      assertFalse(StackMarker.isStackName(bad), bad);
    }
    assertFalse(StackMarker.isStackName(null));
  }

  @Test
  void importTexts_haveEveryKeyInEnglishAndJapanese_withTheSamePlaceholders() throws Exception {
    var english = new java.util.Properties();
    var japanese = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/org/bgwizard/export/import.properties");
        var ja = getClass().getResourceAsStream("/org/bgwizard/export/import_ja.properties")) {
      english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      japanese.load(new java.io.InputStreamReader(ja, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(english.keySet(), japanese.keySet());
    english.forEach((key, text) -> assertEquals(placeholders(text), placeholders(japanese.get(key)), key.toString()));
  }

  /** A journal in which apply made every resource of {@code spec}'s template but the test listener. */
  private static List<JournalEntry> journalWithoutTheTestListener(SetupSpec spec) {
    var journal = new ArrayList<JournalEntry>();
    for (TemplateResource r : SetupTemplate.of(spec).resources()) {
      String name = r.journalRef().name().replace(AccountNeutral.ACCOUNT, FACTS.accountId());
      if (!r.logicalId().equals("TestListener")) {
        journal.add(new JournalEntry(new ResourceRef(r.journalRef().kind(), name), Origin.CREATE,
            JournalEntry.State.DONE, Map.of("arn", "arn:aws:x:::" + name, "id", "sg-" + name.hashCode(),
                "cluster", "demo-cluster"), null, Map.of()));
      }
    }
    return journal;
  }

  private static Set<String> placeholders(Object text) {
    return java.util.regex.Pattern.compile("\\{\\d+\\}").matcher(text.toString()).results()
        .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void prepare_ofANativeSetup_importsTheRulesByArn_andHasNoDeploymentGroupToRecreate() throws Exception {
    SetupSpec spec = ExportSpecs.ecsNative();
    var journal = new ArrayList<JournalEntry>();
    for (TemplateResource r : SetupTemplate.of(spec).resources()) {
      String name = r.journalRef().name().replace(AccountNeutral.ACCOUNT, FACTS.accountId());
      journal.add(new JournalEntry(new ResourceRef(r.journalRef().kind(), name), Origin.CREATE,
          JournalEntry.State.DONE, Map.of("arn", "arn:aws:x:::" + r.journalRef().kind() + "/" + name,
              "id", "sg-" + name.hashCode(), "cluster", "demo-cluster"), null, Map.of()));
    }

    var prepared = CloudFormationImport.prepare(spec, "demo", "demo.json", journal, FACTS);

    JsonNode toImport = Json.read(prepared.files().get(CloudFormationImport.RESOURCES_TO_IMPORT));
    assertEquals("arn:aws:x:::elbv2-listener-rule/demo-alb:80:rule-1", find(toImport, "ProductionListenerRule")
        .at("/ResourceIdentifier/RuleArn").asText());
    assertEquals("arn:aws:x:::elbv2-listener-rule/demo-alb:8080:rule-1", find(toImport, "TestListenerRule")
        .at("/ResourceIdentifier/RuleArn").asText());
    assertEquals("demo-cluster", find(toImport, "Service").at("/ResourceIdentifier/Cluster").asText());
    assertEquals("demo-ecs-infrastructure", find(toImport, "EcsInfrastructureRole")
        .at("/ResourceIdentifier/RoleName").asText());
    assertEquals(List.of("AWS::CodeBuild::Project demo-build: CloudFormation cannot import this type. "
        + ImportIdentifiers.advice("AWS::CodeBuild::Project").orElseThrow(), "AWS::CodeCommit::Repository demo:"
        + " CloudFormation cannot import this type. " + ImportIdentifiers.advice("AWS::CodeCommit::Repository")
        .orElseThrow()), prepared.leftOut());
    assertFalse(prepared.commands().contains("aws deploy"), prepared.commands());
    assertTrue(prepared.commands().contains("# 5. What CloudFormation cannot import: delete the build project while"
        + " nothing runs, and let the stack create it again (with the outputs)\naws codebuild delete-project --name"
        + " demo-build --region ap-northeast-1\n"), prepared.commands());
    assertTrue(prepared.files().get(CloudFormationImport.README).contains("weights of the listener rules"));
    assertEquals(List.of(), TemplateChecks.problems(TemplateChecks.parse(prepared.files().get(
        CloudFormationImport.IMPORT_TEMPLATE))));
  }

  private static JsonNode find(JsonNode toImport, String logicalId) {
    for (JsonNode r : toImport) {
      if (r.get("LogicalResourceId").asText().equals(logicalId)) {
        return r;
      }
    }
    throw new AssertionError(logicalId + " is not in " + toImport);
  }
}
