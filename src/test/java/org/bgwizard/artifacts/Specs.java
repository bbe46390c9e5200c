package org.bgwizard.artifacts;

import java.util.Map;
import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.CodeBuild.TaskDefinitionMode;
import org.bgwizard.setup.Container;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Pipeline;
import org.bgwizard.setup.Roles;
import org.bgwizard.setup.Roles.RoleRef;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.Source;
import org.bgwizard.setup.SpecDefaults;

/** Setups the tests share: the tutorial and the golden variant. */
final class Specs {
  static final Target TARGET = new Target("123456789012", "ap-northeast-1");
  static final String DOCKER_HUB_SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:dockerhub-AbCdEf";

  private Specs() {}

  static SetupSpec tutorial() {
    return SpecDefaults.tutorial("demo", "ap-northeast-1");
  }

  /** ARM64, taskdef.json generated in the build, Docker Hub login through Secrets Manager. */
  static SetupSpec variant() {
    SetupSpec spec = tutorial();
    return withArchitecture(spec, Architecture.ARM64)
        .withCodeBuild(codeBuild(spec, TaskDefinitionMode.GENERATED_IN_BUILD, DOCKER_HUB_SECRET, SpecDefaults.BUILD_IMAGE_ARM));
  }

  static SetupSpec withArchitecture(SetupSpec spec, Architecture architecture) {
    Container c = spec.container();
    return spec.withContainer(new Container(c.name(), c.port(), c.cpu(), c.memory(), architecture, c.environment(),
        c.healthCheckPath(), c.initialImage()));
  }

  static SetupSpec withContainer(SetupSpec spec, String name, int port, String healthCheckPath, Map<String, String> env) {
    Container c = spec.container();
    return spec.withContainer(new Container(name, port, c.cpu(), c.memory(), c.architecture(), env, healthCheckPath,
        c.initialImage()));
  }

  static SetupSpec withMode(SetupSpec spec, TaskDefinitionMode mode) {
    return spec.withCodeBuild(codeBuild(spec, mode, spec.codeBuild().dockerHubSecretArn(), spec.codeBuild().image()));
  }

  static SetupSpec withDockerHubSecret(SetupSpec spec, String secretArn) {
    return spec.withCodeBuild(codeBuild(spec, spec.codeBuild().taskDefinitionMode(), secretArn, spec.codeBuild().image()));
  }

  static SetupSpec withApproval(SetupSpec spec, String topicArn) {
    Pipeline p = spec.pipeline();
    return spec.withPipeline(new Pipeline(p.name(), p.artifactBucket(), true, topicArn));
  }

  static SetupSpec withArtifactBucket(SetupSpec spec, String bucket) {
    Pipeline p = spec.pipeline();
    return spec.withPipeline(new Pipeline(p.name(), bucket, p.manualApproval(), p.approvalTopicArn()));
  }

  static SetupSpec withS3Source(SetupSpec spec) {
    return spec.withSource(Source.s3("demo-source", "app/source.zip", false));
  }

  static SetupSpec withGitHubSource(SetupSpec spec, String connectionArn) {
    return spec.withSource(Source.connection("GitHub", "demo-github", connectionArn, "octo/demo", "main"));
  }

  static SetupSpec withStarterApp(SetupSpec spec, boolean starter) {
    Source s = spec.source();
    return spec.withSource(new Source(s.provider(), s.repository(), s.branch(), s.existingRepository(), starter,
        s.s3Bucket(), s.s3ObjectKey(), s.connectionArn(), s.fullRepositoryId(), s.connectionName(),
        s.connectionProvider()));
  }

  static SetupSpec withExistingRoles(SetupSpec spec, boolean taskExecution, boolean codeBuild) {
    Roles r = spec.roles();
    return spec.withRoles(new Roles(
        taskExecution ? new RoleRef(null, "arn:aws:iam::123456789012:role/ecsTaskExecutionRole") : r.taskExecution(),
        r.codeDeploy(),
        codeBuild ? new RoleRef(null, "arn:aws:iam::123456789012:role/my-build") : r.codeBuild(),
        r.codePipeline()));
  }

  private static CodeBuild codeBuild(SetupSpec spec, TaskDefinitionMode mode, String secret, String image) {
    CodeBuild b = spec.codeBuild();
    return new CodeBuild(b.project(), image, b.computeType(), b.privileged(), mode, secret, b.timeoutMinutes());
  }
}
