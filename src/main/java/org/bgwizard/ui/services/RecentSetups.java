package org.bgwizard.ui.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgwizard.setup.SpecFormatException;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecJson;

/**
 * The setup files opened or saved lately, newest first, kept in a small JSON list (under the app-data folder);
 * each with its setup's name and whether a journal says it has been created (partly or wholly).
 */
public final class RecentSetups {
  static final int KEPT = 8;
  /** Built on first use: Jackson's start costs the first window a few hundred classes. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Path store;
  private final Path journalDir;

  public RecentSetups(Path store, Path journalDir) {
    this.store = store;
    this.journalDir = journalDir;
  }

  /**
   * A setup file still readable; {@code created} when its setup has a journal, {@code adopted} when that journal
   * was rebuilt from the account (this machine did not create the resources; their tags say they are the setup's).
   */
  public record Entry(Path file, String name, boolean created, boolean adopted) {
    public Entry(Path file, String name, boolean created) {
      this(file, name, created, false);
    }
  }

  /** The files that still hold a readable setup, newest first. */
  public List<Entry> entries() {
    var entries = new ArrayList<Entry>();
    for (Path file : files()) {
      try {
        String name = SpecJson.load(file).name();
        Optional<Path> journal = journalOf(name);
        entries.add(new Entry(file, name, journal.isPresent(), journal.filter(RecentSetups::adopted).isPresent()));
      } catch (IOException | SpecFormatException e) {
        // moved, deleted or no longer a setup: not offered again
      }
    }
    return entries;
  }

  /**
   * Saves {@code spec} as {@code setups/<name>.json} beside the list and puts it first: what the wizard does when
   * it creates a setup, so the Start page can reopen it (and its dashboard) later. Returns the file.
   */
  public Path keep(SetupSpec spec) throws IOException {
    Path file = keptFile(spec);
    Files.createDirectories(file.getParent());
    SpecJson.save(spec, file);
    add(file);
    return file;
  }

  /** Where {@link #keep} saves {@code spec}. */
  public Path keptFile(SetupSpec spec) {
    return store.toAbsolutePath().getParent().resolve("setups").resolve(spec.name() + ".json");
  }

  /** The journal for {@code name} on AWS or in one of the simulated accounts (kept beside this list). */
  private Optional<Path> journalOf(String name) {
    String journal = name + ".journal.json";
    if (Files.exists(journalDir.resolve(journal))) {
      return Optional.of(journalDir.resolve(journal));
    }
    Path sandboxes = store.toAbsolutePath().getParent().resolve("sandbox");
    try (var regions = Files.list(sandboxes)) {
      return regions.map(region -> region.resolve("journals").resolve(journal)).filter(Files::exists).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the journal records resources adopted from their tags (a journal rebuilt on this machine). */
  private static boolean adopted(Path journal) {
    try {
      for (var entry : Json.MAPPER.readTree(journal.toFile()).path("entries")) {
        if (entry.path("adopted").isTextual()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Puts {@code file} first; a store that cannot be written only loses the list, never the setup. */
  public void add(Path file) {
    var files = new ArrayList<>(files());
    Path absolute = file.toAbsolutePath().normalize();
    files.remove(absolute);
    files.add(0, absolute);
    try {
      Files.createDirectories(store.toAbsolutePath().getParent());
      Json.MAPPER.writeValue(store.toFile(), files.stream().limit(KEPT).map(Path::toString).toList());
    } catch (IOException e) {
      System.getLogger(RecentSetups.class.getName()).log(System.Logger.Level.WARNING, "Recent setups not saved", e);
    }
  }

  private List<Path> files() {
    if (!Files.exists(store)) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(store.toFile(), new TypeReference<List<String>>() {}).stream().map(Path::of).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
