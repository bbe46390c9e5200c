package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bgwizard.app.TestWorkspaces;
import org.bgwizard.aws.Connection;
import org.bgwizard.provision.ProvisionListener;
import org.bgwizard.setup.Environments;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.wizard.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Done page offers for a setup with environments: the first environment's pipeline, each one's pages. */
class DoneViewModelTest {
  private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);

  @Test
  void oneEnvironment_startsTheSetupsPipeline_andLinksItsPages() {
    var model = new DoneViewModel(SpecDefaults.tutorial("shop", "us-east-1"), TestSessions.offline(), ENGLISH);

    assertEquals("shop-pipeline", model.pipeline());
    assertEquals(List.of("console-pipeline", "console-codedeploy", "console-service", "console-loadBalancers",
        "console-build"), model.consoleLinks().stream().map(DoneViewModel.ConsoleLink::id).toList());
    assertTrue(model.consoleLinks().get(0).url().contains("/pipelines/shop-pipeline/view"),
        model.consoleLinks().get(0).url());
  }

  @Test
  void threeEnvironments_startDevsPipeline_andLinkEachEnvironmentsPipelineAndService_inTheUsersLanguage() {
    var spec = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"), List.of("dev", "qa", "prod"));
    var model = new DoneViewModel(spec, TestSessions.offline(), Messages.of(Locale.JAPANESE));

    assertEquals("shop-pipeline-dev", model.pipeline());
    var links = model.consoleLinks();
    assertEquals(List.of("console-pipeline-dev", "console-pipeline-qa", "console-pipeline-prod", "console-codedeploy",
        "console-service-dev", "console-service-qa", "console-service-prod", "console-loadBalancers", "console-build"),
        links.stream().map(DoneViewModel.ConsoleLink::id).toList());
    assertEquals("[qa] CodePipeline: パイプラインと実行履歴", links.get(1).label());
    assertTrue(links.get(1).url().contains("/pipelines/shop-pipeline-qa/view"), links.get(1).url());
    assertTrue(links.get(6).url().contains("/services/shop-service-prod/health"), links.get(6).url());
    assertTrue(links.get(3).url().contains("/applications/AppECS-shop-cluster-shop-service?"), links.get(3).url());
  }

  /** One load balancer for every environment: each one's listener ports, 80, 81, 82 and 8080, 8081, 8082. */
  @Test
  void sharedLoadBalancer_givesEachEnvironmentItsPorts(@TempDir Path dir) throws Exception {
    var withEnvs = SpecDefaults.withEnvironments(SpecDefaults.tutorial("shop", "us-east-1"),
        List.of("dev", "qa", "prod"));
    var envs = withEnvs.environments();
    var spec = withEnvs.withEnvironments(new Environments(envs.list(), true, envs.approvalTopic()));
    var connector = TestWorkspaces.sandbox(dir.resolve("sandbox"));
    var session = TestSessions.with(List.of(), connector, dir);
    var connection = Connection.sandbox("us-east-1");
    session.connected(connection, connector.connect(connection));
    var workspace = session.workspace().get();
    var journal = workspace.journal(spec);
    assertTrue(workspace.operations().apply(workspace.operations().plan(spec, journal), journal,
        ProvisionListener.NONE).succeeded());

    var model = new DoneViewModel(spec, session, ENGLISH);
    model.load();

    var urls = model.environmentUrls();
    assertEquals(List.of("dev", "qa", "prod"), urls.stream().map(DoneViewModel.EnvironmentUrls::environment).toList());
    assertTrue(urls.get(0).production().matches("http://shop-alb-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com/"),
        urls.get(0).production());
    String dns = urls.get(0).production().substring("http://".length(), urls.get(0).production().length() - 1);
    assertEquals(List.of("http://" + dns + "/", "http://" + dns + ":81/", "http://" + dns + ":82/"),
        urls.stream().map(DoneViewModel.EnvironmentUrls::production).toList());
    assertEquals(List.of("http://" + dns + ":8080/", "http://" + dns + ":8081/", "http://" + dns + ":8082/"),
        urls.stream().map(DoneViewModel.EnvironmentUrls::test).toList());
    assertEquals("", model.problem().get());
  }
}
