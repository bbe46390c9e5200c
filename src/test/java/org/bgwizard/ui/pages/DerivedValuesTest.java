package org.bgwizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.bgwizard.setup.CodeBuild;
import org.bgwizard.setup.Container.Architecture;
import org.bgwizard.setup.Ecs;
import org.bgwizard.setup.ImageRepository;
import org.bgwizard.setup.SetupSpec;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.Strategy;
import org.junit.jupiter.api.Test;

class DerivedValuesTest {
  private final SetupSpec shop = SpecDefaults.tutorial("shop", "us-east-1");

  @Test
  void rename_derivesEveryUneditedNameFromTheNewName() {
    var renamed = DerivedValues.rename(shop, "cafe");

    assertEquals(SpecDefaults.tutorial("cafe", "us-east-1"), renamed);
  }

  @Test
  void rename_keepsNamesTheUserEdited() {
    var edited = shop.withEcs(new Ecs("my-cluster", false, "shop-service", "shop-task", 1, "/ecs/shop", 30));

    var renamed = DerivedValues.rename(edited, "cafe");

    assertEquals("my-cluster", renamed.ecs().cluster());
    assertEquals("cafe-service", renamed.ecs().service());
    assertEquals("cafe-alb", renamed.loadBalancer().name());
  }

  @Test
  void rename_keepsTheNamesOfResourcesTheUserBrings() {
    var existing = shop.withRepository(new ImageRepository("shop", 10, true, true))
        .withEcs(new Ecs("shop-cluster", true, "shop-service", "shop-task", 1, "/ecs/shop", 30));

    var renamed = DerivedValues.rename(existing, "cafe");

    assertEquals("shop", renamed.repository().name());
    assertEquals("shop-cluster", renamed.ecs().cluster());
    assertEquals("cafe-task", renamed.ecs().taskFamily());
  }

  @Test
  void rename_characterByCharacter_followsEachStep() {
    var spec = shop;
    for (String name : new String[] {"sho", "sh", "s", "", "c", "ca", "cafe"}) {
      spec = DerivedValues.rename(spec, name);
    }

    assertEquals(SpecDefaults.tutorial("cafe", "us-east-1"), spec);
  }

  @Test
  void architecture_movesTheDefaultBuildImageToTheNewArchitecture() {
    var arm = DerivedValues.architecture(shop, Architecture.ARM64);

    assertEquals(Architecture.ARM64, arm.container().architecture());
    assertEquals(SpecDefaults.BUILD_IMAGE_ARM, arm.codeBuild().image());
  }

  @Test
  void architecture_keepsABuildImageTheUserChose() {
    var cb = shop.codeBuild();
    var custom = shop.withCodeBuild(new CodeBuild(cb.project(), "my/builder:1", cb.computeType(), true,
        cb.taskDefinitionMode(), null, 30));

    assertEquals("my/builder:1", DerivedValues.architecture(custom, Architecture.ARM64).codeBuild().image());
  }

  @Test
  void withMissingSections_fillsOnlyWhatIsMissing() {
    var partial = new SetupSpec(1, "cafe", "eu-west-1", null, shop.container(), null, null, null, null, null, null, null, null,
        null, null, null, null);

    var filled = DerivedValues.withMissingSections(partial);

    var cafe = SpecDefaults.tutorial("cafe", "eu-west-1");
    assertSame(shop.container(), filled.container());
    assertEquals(cafe.network(), filled.network());
    assertEquals(cafe.roles(), filled.roles());
    assertEquals(cafe.pipeline(), filled.pipeline());
  }

  @Test
  void withMissingSections_leavesACompleteSpecEqual() {
    assertEquals(shop, DerivedValues.withMissingSections(shop));
  }

  @Test
  void rename_ofAnEcsNativeSetup_derivesItsInfrastructureRoleToo() {
    var renamed = DerivedValues.rename(SpecDefaults.tutorial("shop", "us-east-1", Strategy.ECS_NATIVE), "cafe");

    assertEquals(SpecDefaults.tutorial("cafe", "us-east-1", Strategy.ECS_NATIVE), renamed);
  }

  @Test
  void withMissingSections_ofAnEcsNativeSetup_addsNoCodeDeploySection() {
    var nativeSpec = SpecDefaults.tutorial("shop", "us-east-1", Strategy.ECS_NATIVE);

    assertEquals(nativeSpec, DerivedValues.withMissingSections(nativeSpec.withEcsNative(null)));
  }
}
