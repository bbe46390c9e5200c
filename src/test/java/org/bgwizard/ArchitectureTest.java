package org.bgwizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
