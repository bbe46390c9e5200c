package org.bgwizard.ui.wizard;

import java.util.Locale;
import org.bgwizard.setup.Strategy;

/** The wizard's steps, in order. Their texts are {@code step.<key>.title|about|console} in the UI bundle. */
public enum Step {
  START, BASICS, ENVIRONMENTS, NETWORK, IAM_ROLES, IMAGE_REPOSITORY, LOAD_BALANCER, ECS_SERVICE, CODEDEPLOY, CODEBUILD_SOURCE,
  PIPELINE, REVIEW, CREATE, DONE;

  /** The key of the page an ecs-native setup has in place of CodeDeploy's (fxml and strings). */
  public static final String ECS_BLUE_GREEN = "ecsbluegreen";

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace("_", "");
  }

  public String titleKey() {
    return "step." + key() + ".title";
  }

  /** The title for a setup deployed by {@code strategy}: an ecs-native setup has the ECS blue/green page here. */
  public String titleKey(Strategy strategy) {
    return this == CODEDEPLOY && strategy == Strategy.ECS_NATIVE ? "step." + ECS_BLUE_GREEN + ".title" : titleKey();
  }

  public String aboutKey() {
    return "step." + key() + ".about";
  }

  public String consoleKey() {
    return "step." + key() + ".console";
  }

  public boolean isFirst() {
    return ordinal() == 0;
  }

  public boolean isLast() {
    return ordinal() == values().length - 1;
  }
}
