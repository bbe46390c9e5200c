package org.bgwizard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of DESIGN.md pointing down. */
class ArchitectureTest {
  private static final String[] DOMAIN = {
      "org.bgwizard.setup..", "org.bgwizard.artifacts..", "org.bgwizard.catalogue..",
      "org.bgwizard.provision..", "org.bgwizard.deploy..", "org.bgwizard.util..", "org.bgwizard.export.."};
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.bgwizard");
  }

  @Test
  void domainPackages_neverImportJavaFx() {
    noClasses().that().resideInAnyPackage(DOMAIN)
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyAwsSandboxAndCompositionRoot_touchTheSdk() {
    noClasses().that().resideOutsideOfPackages("org.bgwizard.aws..", "org.bgwizard.sandbox..", "org.bgwizard.app..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
        .check(classes);
  }

  @Test
  void sandbox_dependsOnNothingButUtil() {
    noClasses().that().resideInAPackage("org.bgwizard.sandbox..")
        .should().dependOnClassesThat().resideInAnyPackage("org.bgwizard.ui..", "org.bgwizard.cli..",
            "org.bgwizard.app..", "org.bgwizard.provision..", "org.bgwizard.deploy..", "org.bgwizard.aws..")
        .check(classes);
  }

  /**
   * A sandbox service package (with its own sub-packages: {@code codebuild.shell} is CodeBuild's build container, and
   * an edge within one service is that service's own business) uses the core and itself; it reaches another service
   * only through the core's {@code Ports}, which the composition root ({@code org.bgwizard.sandbox}) wires.
   */
  @Test
  void sandboxServices_reachOtherServicesOnlyThroughTheCore() {
    String sandbox = "org.bgwizard.sandbox.";
    for (String service : List.of("core", "iam", "ec2", "elb", "ecs", "ecr", "logs", "codedeploy", "codebuild",
        "codepipeline", "codecommit", "connections", "s3", "eventbridge", "sns", "secrets", "sts")) {
      List<String> allowed = List.of(sandbox + service + "..", sandbox + "core..");
      noClasses().that().resideInAPackage(sandbox + service + "..")
          .should().dependOnClassesThat(resideInAPackage("org.bgwizard.sandbox..")
              .and(DescribedPredicate.not(resideInAnyPackage(allowed.toArray(String[]::new)))))
          .check(classes);
    }
  }

  /** The simulated account's core is what every service builds on: it knows none of them. */
  @Test
  void sandboxCore_dependsOnNoService() {
    noClasses().that().resideInAPackage("org.bgwizard.sandbox.core..")
        .should().dependOnClassesThat(resideInAPackage("org.bgwizard.sandbox..")
            .and(DescribedPredicate.not(resideInAPackage("org.bgwizard.sandbox.core.."))))
        .check(classes);
  }

  @Test
  void setup_isTheBottomLayer() {
    noClasses().that().resideInAPackage("org.bgwizard.setup..")
        .should().dependOnClassesThat().resideInAnyPackage("org.bgwizard.artifacts..", "org.bgwizard.provision..",
            "org.bgwizard.deploy..", "org.bgwizard.aws..", "org.bgwizard.sandbox..", "org.bgwizard.ui..",
            "org.bgwizard.cli..", "org.bgwizard.app..")
        .check(classes);
  }

  @Test
  void topLevelPackages_formNoCycles() {
    slices().matching("org.bgwizard.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * What the faces may name of the aws package: the connection and what describes it or a resource, never a
   * class that calls AWS. Those calls go through the session ({@code org.bgwizard.session}).
   */
  private static final Set<String> AWS_VALUES = Set.of("Connection", "ConnectionProblem", "DefaultChain",
      "ConsoleLinks", "Identity", "ProfileSummary", "ResourceKind", "SimulatedAccount", "TaggedResource");

  private static final DescribedPredicate<JavaClass> AWS_VALUE = DescribedPredicate.describe(
      "a value of the aws package " + AWS_VALUES, c -> c.getPackageName().equals("org.bgwizard.aws")
          && AWS_VALUES.contains(topLevel(c).getSimpleName()));

  private static JavaClass topLevel(JavaClass c) {
    return c.getEnclosingClass().map(ArchitectureTest::topLevel).orElse(c);
  }

  /**
   * Between the simulated account's own packages the composition root ({@code org.bgwizard.sandbox}) depends on every
   * service and the tests reach in; {@link #sandboxServices_reachOtherServicesOnlyThroughTheCore} rules the edges
   * between the services and the core.
   */
  @Test
  void subPackages_formNoCycles() {
    slices().matching("org.bgwizard.(**)").should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("org.bgwizard.sandbox.."), resideInAPackage("org.bgwizard.sandbox.."))
        .check(classes);
  }

  @Test
  void onlyTheCompositionRoot_importsTheSimulatedAccount() {
    noClasses().that().resideOutsideOfPackages("org.bgwizard.app..", "org.bgwizard.sandbox..")
        .should().dependOnClassesThat().resideInAPackage("org.bgwizard.sandbox..")
        .check(classes);
  }

  @Test
  void theFaces_reachAwsOnlyThroughTheSession() {
    noClasses().that().resideInAnyPackage("org.bgwizard.ui..", "org.bgwizard.cli..")
        .should().dependOnClassesThat(resideInAPackage("org.bgwizard.aws..").and(not(AWS_VALUE)))
        .orShould().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .check(classes);
  }
}
