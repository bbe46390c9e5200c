package org.bgwizard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of one saved account, taken for each call: a lock on the file {@code <state>.lock} beside it for
 * other processes, and — as the operating system's file locks belong to the whole JVM and refuse a second
 * taker there — one lock per file inside this JVM, which also lets a call made while another holds it wait.
 * Reentrant for a thread that already holds it.
 */
final class StoreLock {
  private static final ConcurrentMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final ReentrantLock inThisJvm = new ReentrantLock();

  private StoreLock(Path lockFile) {
    this.lockFile = lockFile;
  }

  static StoreLock of(Path store) {
    Path key = store.toAbsolutePath().normalize();
    return LOCKS.computeIfAbsent(key, k -> new StoreLock(k.resolveSibling(k.getFileName() + ".lock")));
  }

  /** Waits for the account and holds it until {@link Held#close()}. */
  Held lock() {
    inThisJvm.lock();
    if (inThisJvm.getHoldCount() > 1) {
      return inThisJvm::unlock;
    }
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.lock();
        return () -> {
          try (channel) {
            lock.release();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + lockFile, e);
          } finally {
            inThisJvm.unlock();
          }
        };
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      inThisJvm.unlock();
      throw new UncheckedIOException("cannot lock the sandbox account (" + lockFile + ")", e);
    } catch (RuntimeException e) {
      inThisJvm.unlock();
      throw e;
    }
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

  /** A held lock; closing releases it. */
  @FunctionalInterface
  interface Held extends AutoCloseable {
    Held NONE = () -> { };

    @Override
    void close();
  }
}
