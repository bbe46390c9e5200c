package org.bgwizard.sandbox.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.bgwizard.util.LockFile;

/**
 * The lock of one saved account, taken for each call: the {@link LockFile} {@code <state>.lock} beside it for
 * other processes, and one lock per file inside this JVM (the file lock belongs to the whole JVM), which lets a
 * call made while another thread holds it wait. Reentrant for a thread that already holds it.
 */
public final class StoreLock {
  private static final ConcurrentMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final ReentrantLock inThisJvm = new ReentrantLock();

  private StoreLock(Path lockFile) {
    this.lockFile = lockFile;
  }

  public static StoreLock of(Path store) {
    Path key = store.toAbsolutePath().normalize();
    return LOCKS.computeIfAbsent(key, k -> new StoreLock(k.resolveSibling(k.getFileName() + ".lock")));
  }

  /** Waits for the account and holds it until the returned lock is closed. */
  public LockFile.Held lock() {
    inThisJvm.lock();
    if (inThisJvm.getHoldCount() > 1) {
      return inThisJvm::unlock;
    }
    LockFile.Held file;
    try {
      file = LockFile.lock(lockFile);
    } catch (RuntimeException e) {
      inThisJvm.unlock();
      throw e;
    }
    return () -> {
      try {
        file.close();
      } finally {
        inThisJvm.unlock();
      }
    };
  }

  /**
   * What identifies one saved version of the file: a save replaces the file (a new file moved over it), so
   * its file key, time and size change; null while there is no file.
   */
  static Stamp stamp(Path store) {
    try {
      var attributes = Files.readAttributes(store, BasicFileAttributes.class);
      return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sandbox account " + store, e);
    }
  }

  record Stamp(Object fileKey, FileTime modified, long size) {}
}
