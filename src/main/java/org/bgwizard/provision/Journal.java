package org.bgwizard.provision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bgwizard.provision.JournalEntry.State;
import org.bgwizard.util.AtomicFiles;
import org.bgwizard.util.LockFile;

/**
 * The record of what one setup created: one JSON file, rewritten atomically (temp file + move) on every change, so
 * that a run killed at any point (even kill -9) leaves a file that says what exists. Changes reach the disk before
 * the methods return. Thread-safe.
 */
public final class Journal {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private final Path file;
  private final Clock clock;
  private LinkedHashMap<ResourceRef, JournalEntry> entries;
  private String scope;

  record Contents(int formatVersion, String scope, List<JournalEntry> entries) {}

  private Journal(Path file, Clock clock, Contents contents) {
    this.file = file;
    this.clock = clock;
    this.scope = contents.scope();
    this.entries = new LinkedHashMap<>();
    contents.entries().forEach(e -> entries.put(e.ref(), e));
  }

  /** Reads the journal at {@code file}, or starts an empty one there (the file appears with the first change). */
  public static Journal open(Path file) throws IOException {
    return open(file, Clock.systemUTC());
  }

  /**
   * @throws IOException when the file exists but is not a journal this version understands; it is then left
   *     untouched, since it may be the only record of resources that exist
   */
  public static Journal open(Path file, Clock clock) throws IOException {
    if (!Files.exists(file)) {
      return new Journal(file, clock, new Contents(FORMAT_VERSION, null, List.of()));
    }
    return new Journal(file, clock, read(file));
  }

  private static Contents read(Path file) throws IOException {
    Contents contents;
    try {
      contents = MAPPER.readValue(file.toFile(), Contents.class);
    } catch (JsonProcessingException e) {
      throw new IOException("The journal " + file + " cannot be read (" + e.getOriginalMessage() + "). It was left as"
          + " it is: it may be the only record of what this setup created.", e);
    }
    if (contents == null || contents.formatVersion() != FORMAT_VERSION || contents.entries() == null) {
      throw new IOException("The journal " + file + " is not in format " + FORMAT_VERSION + " (written by another"
          + " version of the wizard?). It was left as it is.");
    }
    return contents;
  }

  /**
   * Takes this setup's run lock: one apply or teardown of a setup at a time, across windows, commands and
   * processes (a lock on the file {@code <journal>.lock} beside it). Under it the journal is read again, as
   * another run may have changed it since it was opened. Close the returned lock when the run has ended.
   *
   * @throws JournalInUseException when another run of this setup holds it
   */
  public LockFile.Held lockForRun() {
    LockFile.Held lock = LockFile.tryLock(file.resolveSibling(file.getFileName() + ".lock"))
        .orElseThrow(() -> new JournalInUseException(file));
    try {
      reload();
      return lock;
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private synchronized void reload() throws IOException {
    if (Files.exists(file)) {
      Contents contents = read(file);
      var fresh = new LinkedHashMap<ResourceRef, JournalEntry>();
      contents.entries().forEach(e -> fresh.put(e.ref(), e));
      scope = contents.scope();
      entries = fresh;
    }
  }

  public Path file() {
    return file;
  }

  /** Every entry, in the order the resources were first recorded. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries.values());
  }

  public synchronized Optional<JournalEntry> entry(ResourceRef ref) {
    return Optional.ofNullable(entries.get(ref));
  }

  /** Where the recorded resources live (e.g. "123456789012/ap-northeast-1"), once bound. */
  public synchronized Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /**
   * Ties the journal to the account and region its resources live in: the first call records {@code scope}, later
   * calls check it. Call it before apply and teardown, so that a teardown connected elsewhere cannot mark
   * everything deleted because nothing is found.
   *
   * @throws IllegalStateException when the journal belongs to another scope
   */
  public synchronized void bindScope(String scope) {
    if (this.scope == null) {
      save(scope, entries);
      this.scope = scope;
    } else if (!this.scope.equals(scope)) {
      throw new IllegalStateException("The journal " + file + " records resources in " + this.scope + ", but this"
          + " run is connected to " + scope + ". Connect to " + this.scope + " to resume or tear down this setup.");
    }
  }

  /**
   * INTENT before a create call. An entry already at INTENT keeps its token (the earlier call may have gone
   * through); otherwise a new life starts with a new token.
   */
  synchronized String recordIntent(ResourceRef ref) {
    JournalEntry old = entries.get(ref);
    if (old != null && old.origin() == Origin.CREATE && old.state() == State.INTENT) {
      return old.clientToken();
    }
    var fresh = new JournalEntry(ref, Origin.CREATE, State.INTENT, Map.of(), UUID.randomUUID().toString(),
        Map.of(State.INTENT, clock.instant()));
    put(fresh);
    return fresh.clientToken();
  }

  /** Puts back the entry a run found ({@code before}; none: removes it) over the INTENT that run recorded. */
  synchronized void withdrawIntent(ResourceRef ref, Optional<JournalEntry> before) {
    JournalEntry now = entries.get(ref);
    if (now == null || now.origin() != Origin.CREATE || now.state() != State.INTENT) {
      throw new IllegalStateException("withdrawIntent(" + ref + ") without an intent on record");
    }
    var next = new LinkedHashMap<>(entries);
    before.ifPresentOrElse(b -> next.put(ref, b), () -> next.remove(ref));
    save(scope, next);
    entries = next;
  }

  synchronized void recordCreated(ResourceRef ref, Map<String, String> identifiers) {
    JournalEntry old = entries.get(ref);
    if (old == null || old.origin() != Origin.CREATE
        || (old.state() != State.INTENT && old.state() != State.CREATED)) {
      throw new IllegalStateException("created(" + ref + ") without beforeCreate(): record the intent before the"
          + " create call");
    }
    put(old.moveTo(State.CREATED, identifiers, clock.instant()));
  }

  synchronized void recordDone(ResourceRef ref, Origin origin, Map<String, String> outputs) {
    JournalEntry old = entries.get(ref);
    if (origin == Origin.CREATE && old != null && old.origin() == Origin.CREATE) {
      put(old.moveTo(State.DONE, outputs, clock.instant()));
    } else {
      put(new JournalEntry(ref, origin, State.DONE, outputs, null, Map.of(State.DONE, clock.instant())));
    }
  }

  /**
   * Records a resource this journal has no live record of as this setup's own, DONE, because {@code because}
   * (its tag names the setup): what rebuilding the journal from the account does. Teardown then deletes it. A
   * resource the journal already records as this setup's keeps its entry.
   */
  public synchronized void adopt(ResourceRef ref, Map<String, String> outputs, String because) {
    JournalEntry old = entries.get(ref);
    if (old != null && old.origin() == Origin.CREATE && old.state() != State.DELETED) {
      return;
    }
    put(new JournalEntry(ref, Origin.CREATE, State.DONE, outputs, null, Map.of(State.DONE, clock.instant()),
        because));
  }

  /**
   * The setup's resource of {@code to}'s kind recorded under another name with the ARN (or id) {@code id} now goes by
   * {@code to} (a setting its name carries was changed in place): one write moves its entry, at CREATED while the
   * step that moved it runs. False when the journal has no such live entry.
   */
  synchronized boolean move(String id, ResourceRef to) {
    JournalEntry old = entries.values().stream().filter(e -> e.ref().kind().equals(to.kind()) && !e.ref().equals(to)
        && e.origin() == Origin.CREATE && e.state() != State.DELETED
        && (id.equals(e.outputs().get("arn")) || id.equals(e.outputs().get("id")))).findFirst().orElse(null);
    if (old == null) {
      return false;
    }
    JournalEntry moved = old.moveTo(State.CREATED, Map.of(), clock.instant());
    var next = new LinkedHashMap<>(entries);
    next.remove(old.ref());
    next.put(to, new JournalEntry(to, moved.origin(), moved.state(), moved.outputs(), moved.clientToken(),
        moved.history(), moved.adopted()));
    save(scope, next);
    entries = next;
    return true;
  }

  synchronized void recordDeleting(ResourceRef ref) {
    put(existing(ref).moveTo(State.DELETING, Map.of(), clock.instant()));
  }

  synchronized void recordDeleted(ResourceRef ref) {
    put(existing(ref).moveTo(State.DELETED, Map.of(), clock.instant()));
  }

  private JournalEntry existing(ResourceRef ref) {
    JournalEntry e = entries.get(ref);
    if (e == null) {
      throw new IllegalStateException("The journal has no entry for " + ref);
    }
    return e;
  }

  /** Writes first, then changes memory: a failed write leaves both as they were. */
  private void put(JournalEntry entry) {
    var next = new LinkedHashMap<>(entries);
    next.put(entry.ref(), entry);
    save(scope, next);
    entries = next;
  }

  private void save(String scope, Map<ResourceRef, JournalEntry> content) {
    try {
      AtomicFiles.write(file, MAPPER.writeValueAsString(
          new Contents(FORMAT_VERSION, scope, new ArrayList<>(content.values()))) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the journal " + file + ": " + e.getMessage(), e);
    }
  }
}
