package org.bgwizard.ui.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recent setups (issue 13): one whose journal was rebuilt from the account's tags on this machine says adopted. */
class RecentSetupsAdoptedTest {
  @TempDir
  Path dir;

  @Test
  void entries_sayAdopted_whenTheJournalWasRebuiltFromTags_andCreatedOtherwise() throws Exception {
    Path journals = dir.resolve("journals");
    var recent = new RecentSetups(dir.resolve("recent-setups.json"), journals);
    for (String name : List.of("shop", "blog")) {
      Path file = dir.resolve(name + ".json");
      SpecJson.save(SpecDefaults.tutorial(name, "us-east-1"), file);
      recent.add(file);
    }
    Journal adopted = Journal.open(journals.resolve("shop.journal.json"));
    try (var lock = adopted.lockForRun()) {
      adopted.adopt(new ResourceRef("logs-log-group", "/ecs/shop"), Map.of("arn", "arn:aws:logs:x"),
          "adopted from its tag bgwizard:setup=shop");
    }
    java.nio.file.Files.writeString(journals.resolve("blog.journal.json"), "{\"formatVersion\":1,\"entries\":[{\"ref\":"
        + "{\"kind\":\"logs-log-group\",\"name\":\"/ecs/blog\"},\"origin\":\"CREATE\",\"state\":\"DONE\"}]}");

    var entries = recent.entries();

    assertEquals(List.of("blog created=true adopted=false", "shop created=true adopted=true"), entries.stream()
        .map(e -> e.name() + " created=" + e.created() + " adopted=" + e.adopted()).toList());
  }
}
