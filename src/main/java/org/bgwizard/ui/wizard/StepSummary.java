package org.bgwizard.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.CodeDeploy.Reroute;
import org.bgwizard.setup.Network.SubnetRef;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source.Provider;
import org.bgwizard.ui.common.Messages;

/** What a step will set up, read from the current spec, one sentence per resource (empty: creates nothing). */
public final class StepSummary {
  private final Messages m;
  private final SetupSpec spec;
  private final List<String> items = new ArrayList<>();

  private StepSummary(Messages messages, SetupSpec spec) {
    this.m = messages;
    this.spec = spec;
  }

  public static List<String> items(Step step, SetupSpec spec, Messages messages) {
    var summary = new StepSummary(messages, spec);
    if (summary.missingSectionOf(step)) {
      return List.of(messages.get("summary.notSet"));
    }
    summary.describe(step);
    return List.copyOf(summary.items);
  }

  private boolean missingSectionOf(Step step) {
    Stream<Object> sections = switch (step) {
      case START, REVIEW, DONE -> Stream.of();
      case BASICS, CREATE -> Stream.of(spec.name(), spec.region());
      case NETWORK -> Stream.of(spec.network(), spec.loadBalancer(), spec.container());
      case IAM_ROLES -> Stream.of(spec.roles());
      case IMAGE_REPOSITORY -> Stream.of(spec.repository());
      case LOAD_BALANCER -> Stream.of(spec.loadBalancer(), spec.loadBalancer() == null ? null
          : spec.loadBalancer().healthCheck(), spec.container());
      case ECS_SERVICE -> Stream.of(spec.ecs(), spec.container());
      case CODEDEPLOY -> Stream.of(spec.codeDeploy());
      case CODEBUILD_SOURCE -> Stream.of(spec.source(), spec.codeBuild());
      case PIPELINE -> Stream.of(spec.pipeline());
    };
    return sections.anyMatch(Objects::isNull);
  }

  private void describe(Step step) {
    switch (step) {
      case START, REVIEW, DONE -> { }
      case BASICS -> basics();
      case NETWORK -> network();
      case IAM_ROLES -> roles();
      case IMAGE_REPOSITORY -> repository();
      case LOAD_BALANCER -> loadBalancer();
      case ECS_SERVICE -> ecs();
      case CODEDEPLOY -> codeDeploy();
      case CODEBUILD_SOURCE -> codeBuild();
      case PIPELINE -> pipeline();
      case CREATE -> add("summary.create.all", spec.region(), SetupSpec.SETUP_TAG, spec.name());
    }
  }

  private void basics() {
    add("summary.basics.name", spec.name());
    add("summary.basics.region", spec.region());
    add("summary.basics.tag", SetupSpec.SETUP_TAG, spec.name());
  }

  private void network() {
    var network = spec.network();
    if (network.usesDefaultVpc()) {
      add("summary.network.defaultVpc", spec.region());
    } else if (network.subnets().isEmpty()) {
      add("summary.network.vpc", network.vpcId());
    } else {
      add("summary.network.vpcSubnets", network.vpcId(),
          network.subnets().stream().map(SubnetRef::id).collect(Collectors.joining(", ")));
    }
    var lb = spec.loadBalancer();
    add("summary.network.albGroup", lb.productionPort(), lb.testPort(), network.ingressCidr());
    add("summary.network.taskGroup", spec.container().port());
    add(network.assignPublicIp() ? "summary.network.publicIp" : "summary.network.noPublicIp");
  }

  private void roles() {
    var roles = spec.roles();
    role("executionRole", roles.taskExecution());
    role("codeDeployRole", roles.codeDeploy());
    role("codeBuildRole", roles.codeBuild());
    role("codePipelineRole", roles.codePipeline());
  }

  private void role(String which, RoleRef role) {
    if (role == null) {
      add("summary.roles." + which + ".notSet");
    } else if (role.isExisting()) {
      add("summary.roles." + which + ".existing", role.existingArn());
    } else {
      add("summary.roles." + which + ".create", role.name());
    }
  }

  private void repository() {
    var repo = spec.repository();
    if (repo.existing()) {
      add("summary.repository.existing", repo.name());
      return;
    }
    add("summary.repository.create", repo.name(), spec.region());
    add("summary.repository.lifecycle", repo.keepImages());
    add(repo.scanOnPush() ? "summary.repository.scan" : "summary.repository.noScan");
  }

  private void loadBalancer() {
    var lb = spec.loadBalancer();
    var container = spec.container();
    if (lb.isExisting()) {
      add("summary.lb.existing", lb.existingArn());
    } else {
      add("summary.lb.create", lb.name());
    }
    add("summary.lb.production", lb.productionPort(), lb.targetGroup1());
    add("summary.lb.test", lb.testPort(), lb.targetGroup2());
    add("summary.lb.targetGroups", lb.targetGroup1(), lb.targetGroup2(), container.port());
    add("summary.lb.healthCheck", container.healthCheckPath(), lb.healthCheck().intervalSeconds(),
        lb.healthCheck().successCodes());
  }

  private void ecs() {
    var ecs = spec.ecs();
    var c = spec.container();
    add(ecs.existingCluster() ? "summary.ecs.existingCluster" : "summary.ecs.createCluster", ecs.cluster());
    add("summary.ecs.taskDefinition", ecs.taskFamily(), c.name(), c.port(), c.cpu(), c.memory(),
        c.architecture() == null ? "" : c.architecture().dockerPlatform());
    add("summary.ecs.logGroup", ecs.logGroup(), ecs.logRetentionDays());
    add("summary.ecs.service", ecs.service(), ecs.desiredCount());
  }

  private void codeDeploy() {
    var cd = spec.codeDeploy();
    add("summary.codedeploy.application", cd.application());
    add("summary.codedeploy.group", cd.deploymentGroup(), cd.deploymentConfig());
    if (cd.reroute() == Reroute.WAIT && cd.rerouteWaitMinutes() != null) {
      add("summary.codedeploy.rerouteWait", cd.rerouteWaitMinutes());
    } else {
      add("summary.codedeploy.rerouteNow");
    }
    add("summary.codedeploy.termination", cd.terminationWaitMinutes());
    add(cd.autoRollback() ? "summary.codedeploy.rollback" : "summary.codedeploy.noRollback");
  }

  private void codeBuild() {
    var source = spec.source();
    switch (source.provider() == null ? Provider.CODECOMMIT : source.provider()) {
      case CODECOMMIT -> add(source.existingRepository() ? "summary.source.codecommitExisting"
          : source.commitStarterApp() ? "summary.source.codecommitStarter" : "summary.source.codecommit",
          source.repository(), source.branch());
      case S3 -> add("summary.source.s3", source.s3Bucket(), source.s3ObjectKey());
      case GITHUB -> add("summary.source.github", source.fullRepositoryId(), source.branch());
    }
    var build = spec.codeBuild();
    add(build.privileged() ? "summary.build.project" : "summary.build.projectUnprivileged", build.project(),
        build.image(), build.timeoutMinutes());
    add(build.taskDefinitionMode() == TaskDefinitionMode.GENERATED_IN_BUILD
        ? "summary.build.taskdefGenerated" : "summary.build.taskdefInRepo");
    add(build.dockerHubSecretArn() == null ? "summary.build.ecrPublic" : "summary.build.dockerHubSecret",
        build.dockerHubSecretArn());
  }

  private void pipeline() {
    var pipeline = spec.pipeline();
    add(pipeline.manualApproval() ? "summary.pipeline.stagesApproval" : "summary.pipeline.stages", pipeline.name());
    if (pipeline.artifactBucket() == null) {
      add("summary.pipeline.derivedBucket", spec.name());
    } else {
      add("summary.pipeline.bucket", pipeline.artifactBucket());
    }
    if (pipeline.manualApproval() && pipeline.approvalTopicArn() != null) {
      add("summary.pipeline.approvalTopic", pipeline.approvalTopicArn());
    }
  }

  private void add(String key, Object... args) {
    items.add(m.format(key, args));
  }
}
