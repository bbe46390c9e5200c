package org.bgwizard.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a file (made if missing, never deleted) that other processes respect: the operating
 * system's file lock. It belongs to the whole JVM, which refuses a second taker here: callers that may take it
 * from several threads of one JVM add a lock of their own.
 */
public final class LockFile {
  private LockFile() {}

  /** A held lock; closing releases it. */
  @FunctionalInterface
  public interface Held extends AutoCloseable {
    /** Holds nothing (for what needs no lock). */
    Held NONE = () -> { };

    @Override
    void close();
  }

  /** Waits until {@code file} is free and locks it. */
  public static Held lock(Path file) {
    return take(file, true).orElseThrow();
  }

  /** Locks {@code file} if it is free; empty when another process or this JVM holds it. */
  public static Optional<Held> tryLock(Path file) {
    return take(file, false);
  }

  private static Optional<Held> take(Path file, boolean wait) {
    FileChannel channel = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = wait ? channel.lock() : channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held in this JVM
      }
      if (lock == null) {
        return Optional.empty();
      }
      FileChannel held = channel;
      channel = null;
      return Optional.of(() -> {
        try {
          held.close(); // releases the lock
        } catch (IOException e) {
          throw new UncheckedIOException("Could not release the lock " + file, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lock " + file + ": " + e.getMessage(), e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // the first problem is the one reported
        }
      }
    }
  }
}
