package org.bgwizard.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip an S3 source holds: the repository's files at its root (the S3 source action hands the object to the
 * build as it is, so buildspec.yml must be at the top — CodePipeline action reference, Amazon S3 source action).
 */
public final class SourceZip {
  private SourceZip() {}

  /** Files by path, zipped in path order with a fixed time, so the same files give the same bytes. */
  public static byte[] of(Map<String, byte[]> files) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var e : new TreeMap<>(files).entrySet()) {
        var entry = new ZipEntry(e.getKey());
        entry.setTime(0L);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] ofTexts(Map<String, String> files) {
    var bytes = new TreeMap<String, byte[]>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return of(bytes);
  }

  /** Every regular file under {@code dir} by its relative path with '/' (hidden folders such as .git left out). */
  public static Map<String, byte[]> read(Path dir) throws IOException {
    var files = new TreeMap<String, byte[]>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(".git/") && !rel.contains("/.git/")) {
          files.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }
}
