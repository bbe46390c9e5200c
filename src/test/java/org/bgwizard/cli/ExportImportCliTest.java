package org.bgwizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.bgwizard.artifacts.Json;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.junit.jupiter.api.Test;

/**
 * {@code export --format cloudformation-import} on the tutorial setup applied in a simulated account: the files, the
 * commands, the check against the journal, and what status, apply and teardown do once the import is recorded.
 */
class ExportImportCliTest extends SandboxCliTest {

  @Test
  void cloudformationImport_afterApply_writesTheFilesPrintsTheCommandsAndAccountsForEveryJournalEntry()
      throws Exception {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);
    Path folder = dir.resolve("handover");

    int code = sandbox("export", "--format", "cloudformation-import", "--out", folder.toString());

    assertEquals(0, code, err.toString());
    for (String name : new String[] {CloudFormationImport.IMPORT_TEMPLATE, CloudFormationImport.RESOURCES_TO_IMPORT,
        CloudFormationImport.TEMPLATE, CloudFormationImport.README}) {
      assertTrue(Files.exists(folder.resolve(name)), name);
    }
    assertTrue(out.toString().contains("aws cloudformation create-change-set --stack-name demo --change-set-name"
        + " bgwizard-import --region us-east-1 --change-set-type IMPORT --template-body file://import-template.yaml"
        + " --resources-to-import file://resources-to-import.json --parameters ParameterKey=VpcId,ParameterValue=vpc-"),
        out.toString());
    assertTrue(out.toString().contains("aws cloudformation execute-change-set --stack-name demo --change-set-name"
        + " bgwizard-import --region us-east-1\n"), out.toString());
    assertTrue(Files.readString(folder.resolve(CloudFormationImport.README)).contains(out.toString()));

    JsonNode toImport = Json.read(Files.readString(folder.resolve(CloudFormationImport.RESOURCES_TO_IMPORT)));
    Set<String> identifiers = new HashSet<>();
    toImport.forEach(r -> r.get("ResourceIdentifier").forEach(v -> identifiers.add(v.asText())));
    Journal journal = Journal.open(journalOf(err.toString()));
    for (JournalEntry entry : journal.entries()) {
      if (entry.origin() != Origin.CREATE) {
        continue;
      }
      boolean imported = identifiers.contains(entry.ref().name()) || identifiers.contains(entry.outputs().get("arn"))
          || identifiers.contains(entry.outputs().get("id"));
      boolean reported = err.toString().contains("note: left out of the import: ")
          && (err.toString().contains(entry.ref().toString()) || err.toString().contains(" " + entry.ref().name()
              + ": CloudFormation cannot import"));
      assertTrue(imported || reported, entry.ref() + " is neither imported nor reported:\n" + err);
    }
    assertTrue(err.toString().contains("note: left out of the import: AWS::CodeBuild::Project demo-build:"
        + " CloudFormation cannot import this type."), err.toString());
    assertEquals(22, toImport.size());
  }

  @Test
  void afterTheImportIsRecorded_statusNamesTheStack_andApplyAndTeardownRefuse() {
    assertEquals(0, sandbox("apply", "--yes"), err::toString);

    assertEquals(0, sandbox("export", "--format", "cloudformation-import", "--stack", "demo-stack", "--record-import"),
        err.toString());
    assertTrue(err.toString().contains("the CloudFormation stack demo-stack manages the setup demo"), err.toString());

    sandbox("status");
    assertTrue(out.toString().contains("Managed by the CloudFormation stack demo-stack"), out.toString());

    assertEquals(1, sandbox("apply", "--yes"));
    assertTrue(err.toString().contains("error: apply refuses: the CloudFormation stack demo-stack manages this setup"),
        err.toString());
    assertFalse(err.toString().contains("Applying"), err.toString());

    assertEquals(1, sandbox("teardown", "--yes"));
    assertTrue(err.toString().contains("error: teardown refuses: the CloudFormation stack demo-stack manages"),
        err.toString());
    assertEquals(0, sandbox("status", "--json"), err::toString);
    assertTrue(out.toString().contains("\"state\" : \"PRESENT\""), "teardown deleted nothing");
  }

  @Test
  void cloudformationImport_withoutOut_isAUsageErrorAndConnectsNowhere() {
    assertEquals(2, sandbox("export", "--format", "cloudformation-import"));
    assertTrue(err.toString().contains("--format cloudformation-import needs --out DIR"), err.toString());
    assertFalse(err.toString().contains("Sandbox"), err.toString());
  }

  @Test
  void cloudformationImport_ofASetupThatDoesNotValidate_writesNothing() throws Exception {
    Files.writeString(setup, Files.readString(setup).replace("\"testPort\" : 8080", "\"testPort\" : 80"));
    Path folder = dir.resolve("handover");

    assertEquals(1, sandbox("export", "--format", "cloudformation-import", "--out", folder.toString()));

    assertTrue(err.toString().contains("Test listener port"), err.toString());
    assertFalse(Files.exists(folder));
  }

  /** The setup's journal, which the simulated account keeps next to its file. */
  private Path journalOf(String stderr) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().equals("demo.journal.json")).findFirst()
          .orElseThrow(() -> new AssertionError("no journal under " + dir + "\n" + stderr));
    }
  }
}
