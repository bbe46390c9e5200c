package org.bgwizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bgwizard.artifacts.SourceZip;
import org.bgwizard.session.Commits;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;

/** {@code deploy release FILE --from DIR}: the folder becomes the source's next revision, then the pipeline runs. */
final class SourceRelease {
  private SourceRelease() {}

  static int run(SetupSpec setup, Session session, Path dir, PrintWriter out, PrintWriter err)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      err.println("error: --from " + dir + " is not a folder; give the folder whose files make the release");
      return Cli.USAGE;
    }
    Map<String, byte[]> files = SourceZip.read(dir);
    if (files.isEmpty()) {
      err.println("error: --from " + dir + " holds no files");
      return Cli.USAGE;
    }
    Source source = setup.source();
    Commits commits = session.commits();
    String before = commits.latestRun(setup.pipeline().name());
    String message = "Release of " + dir.getFileName();
    switch (source.provider()) {
      case S3 -> {
        String version = commits.upload(source.s3Bucket(), source.s3ObjectKey(),
            SourceZip.of(files));
        out.println("uploaded " + files.size() + " files as s3://" + source.s3Bucket() + "/" + source.s3ObjectKey()
            + " (version " + version + ")");
      }
      case CODECOMMIT -> {
        var commit = commits.commitFiles(source.repository(), source.branch(),
            texts(files), message, "Blue/Green Pipeline Wizard");
        out.println(commit.map(c -> "committed " + files.size() + " files to " + source.repository() + " "
            + source.branch() + " (" + c + ")").orElse("the branch already holds these files"));
      }
      case GITHUB -> {
        if (session.simulated().isEmpty()) {
          err.println("refused: the wizard does not push to " + source.fullRepositoryId() + "; push the folder with"
              + " git to the branch " + source.branch() + ", and the connection starts the pipeline (DetectChanges)");
          return Cli.FINDINGS;
        }
        String commit = session.simulated().get().pushToProvider(source.fullRepositoryId(), source.branch(),
            texts(files), message);
        out.println("Simulated: pushed " + files.size() + " files to " + source.fullRepositoryId() + " "
            + source.branch() + " (" + commit + ")");
      }
    }
    // a CodeCommit push starts the pipeline through its EventBridge rule: starting it as well would run twice
    String latest = commits.latestRun(setup.pipeline().name());
    boolean started = latest != null && !latest.equals(before);
    String run = started ? latest : commits.startPipeline(setup.pipeline().name());
    out.println("pipeline " + setup.pipeline().name() + " run " + run + (started ? " (started by the change)" : ""));
    return Cli.OK;
  }

  private static Map<String, String> texts(Map<String, byte[]> files) {
    var out = new TreeMap<String, String>();
    files.forEach((path, bytes) -> out.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return out;
  }
}
