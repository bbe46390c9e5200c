package org.bgwizard.ui.wizard;

import java.util.Locale;

/** The wizard's steps, in order. Their texts are {@code step.<key>.title|about|console} in the UI bundle. */
public enum Step {
  START, BASICS, NETWORK, IAM_ROLES, IMAGE_REPOSITORY, LOAD_BALANCER, ECS_SERVICE, CODEDEPLOY, CODEBUILD_SOURCE,
  PIPELINE, REVIEW, CREATE, DONE;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace("_", "");
  }

  public String titleKey() {
    return "step." + key() + ".title";
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
