package org.bgwizard.sandbox.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Pipeline artifacts are zip files of text files in the artifact bucket (CODE_ZIP): what the pipeline's source
 * actions store and CodeBuild reads and writes.
 */
public final class ArtifactZip {
  private ArtifactZip() {}

  public static byte[] zip(Map<String, String> files) {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (var e : new TreeMap<>(files).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The files of a zip, or empty when the bytes are not a zip. */
  public static Optional<Map<String, String>> unzip(byte[] content) {
    Map<String, String> files = new TreeMap<>();
    boolean any = false;
    try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        any = true;
        if (!e.isDirectory()) {
          files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return any || content.length == 22 ? Optional.of(files) : Optional.empty();
  }
}
