package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.wizard.TestSessions;
import org.junit.jupiter.api.Test;

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
}
