package org.bgwizard.provision.steps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.artifacts.RepoFile;
import org.bgwizard.artifacts.RepoFiles;
import org.bgwizard.artifacts.ResourceTexts;
import org.bgwizard.aws.CodeCommitRepoInfo;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.provision.JournalEntry;
import org.bgwizard.provision.Origin;
import org.bgwizard.provision.StepContext;
import org.bgwizard.provision.StepOutcome;
import org.bgwizard.setup.Source;

/**
 * The CodeCommit source repository. A new one receives a first commit with the generated repository files
 * (buildspec.yml, and appspec.yaml and taskdef.json unless the setup is ecs-native; the starter app when chosen), so the pipeline's first run has something to
 * build and deploy. A repository the user brought is never written to.
 */
final class CodeCommitRepoStep extends AwsStep<CodeCommitRepoInfo> {
  static final String AUTHOR = "Blue/Green Pipeline Wizard";

  CodeCommitRepoStep(Setup setup) {
    super(setup, ResourceKind.CODECOMMIT_REPOSITORY, setup.spec().source().repository(),
        setup.spec().source().existingRepository() ? Origin.REUSE : Origin.CREATE, List.of(), Duration.ofSeconds(2));
  }

  private String name() {
    return ref().name();
  }

  private Source source() {
    return setup.spec().source();
  }

  @Override
  Optional<CodeCommitRepoInfo> lookUp() {
    return setup.aws().codeCommit().find(name());
  }

  @Override
  PlanStatus compare(CodeCommitRepoInfo found) {
    return PlanStatus.update(List.of());
  }

  @Override
  String idOf(CodeCommitRepoInfo found) {
    return found.arn();
  }

  @Override
  public StepOutcome apply(StepContext ctx) throws Exception {
    var repos = setup.aws().codeCommit();
    Optional<CodeCommitRepoInfo> found = call(ctx, "codecommit GetRepository " + name(), () -> repos.find(name()));
    if (found.isPresent()) {
      claimIfTagged(ctx, found.get());
      convergeTags(ctx, found.get());
    }
    if (origin() == Origin.REUSE || (found.isPresent() && !startedEarlier(ctx))) {
      return withTags(outcome(found.orElseThrow(() -> new IllegalStateException("The CodeCommit repository " + name()
          + " does not exist")), null));
    }
    CodeCommitRepoInfo repo;
    if (found.isEmpty()) {
      ctx.beforeCreate();
      repo = creating(ctx, "codecommit CreateRepository " + name(), () -> repos.create(name(),
          ResourceTexts.codeCommitDescription(setup.spec()), setup.tags()), () -> repos.find(name()));
      ctx.created(Map.of("arn", repo.arn()));
    } else {
      repo = found.get();
    }
    String branch = source().branch();
    Optional<String> head = call(ctx, "codecommit GetBranch " + name() + " " + branch,
        () -> repos.branchHead(name(), branch));
    if (head.isEmpty() && call(ctx, "codecommit ListBranches " + name(), () -> repos.branches(name())).isEmpty()) {
      var files = new LinkedHashMap<String, String>();
      for (RepoFile f : RepoFiles.generate(setup.spec(), setup.target())) {
        files.put(f.path(), f.content());
      }
      head = Optional.of(call(ctx, "codecommit CreateCommit " + name() + " " + branch, () -> repos.firstCommit(name(),
          branch, files, "First commit: the files the pipeline builds and deploys", AUTHOR)));
      ctx.progress("committed " + String.join(", ", files.keySet()) + " to " + branch);
    }
    if (head.isPresent()) {
      environmentBranches(ctx, head.get());
    }
    return withTags(outcome(repo, head.orElse(null)));
  }

  /**
   * In a setup with environments, each environment's branch that does not exist yet, at the first branch's commit:
   * every environment's pipeline then has a source to start from, and promotion fast-forwards one branch onto the
   * next (issue 15).
   */
  private void environmentBranches(StepContext ctx, String commit) throws Exception {
    if (!setup.spec().hasEnvironments()) {
      return;
    }
    var repos = setup.aws().codeCommit();
    for (var env : setup.spec().environments().list()) {
      String branch = env.branch();
      if (branch == null || branch.equals(source().branch())) {
        continue;
      }
      if (call(ctx, "codecommit GetBranch " + name() + " " + branch, () -> repos.branchHead(name(), branch))
          .isEmpty()) {
        run(ctx, "codecommit CreateBranch " + name() + " " + branch, () -> repos.createBranch(name(), branch, commit));
        ctx.progress("created the branch " + branch + " of environment " + env.name() + " at " + commit);
      }
    }
  }

  private static StepOutcome outcome(CodeCommitRepoInfo repo, String commit) {
    return commit == null ? StepOutcome.of("arn", repo.arn(), "name", repo.name(), "cloneUrlHttp", repo.cloneUrlHttp())
        : StepOutcome.of("arn", repo.arn(), "name", repo.name(), "cloneUrlHttp", repo.cloneUrlHttp(), "commit", commit);
  }

  @Override
  public void delete(StepContext ctx, JournalEntry entry) throws Exception {
    run(ctx, "codecommit DeleteRepository " + name(), () -> setup.aws().codeCommit().delete(name()));
  }

  @Override
  public String cliEquivalent() {
    if (origin() == Origin.REUSE) {
      return "aws codecommit get-repository --repository-name " + name();
    }
    return "aws codecommit create-repository --repository-name " + name() + " --tags " + setup.cliTagMap()
        + " && aws codecommit create-commit --repository-name " + name() + " --branch-name " + source().branch()
        + " --put-files " + org.bgwizard.artifacts.RepoFiles.generate(setup.spec(), setup.target()).stream()
            .limit(2).map(f -> "filePath=" + f.path() + ",fileContent=…").collect(java.util.stream.Collectors
            .joining(" ")) + " …" + (setup.spec().hasEnvironments() ? setup.spec().environments().list().stream()
                .filter(e -> e.branch() != null && !e.branch().equals(source().branch()))
                .map(e -> " && aws codecommit create-branch --repository-name " + name() + " --branch-name "
                    + e.branch() + " --commit-id \"$(aws codecommit get-branch --repository-name " + name()
                    + " --branch-name " + source().branch() + " --query branch.commitId --output text)\"")
                .collect(java.util.stream.Collectors.joining())
                : "");
  }
}
