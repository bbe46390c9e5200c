package org.bgwizard.setup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How the service deploys blue/green. {@link #CODEDEPLOY}: the tutorials' way, a CodeDeploy application and
 * deployment group move traffic between two task sets ("Blue/green deployments with CodeDeploy"). {@link #ECS_NATIVE}:
 * ECS moves it itself, on listener rules, with no CodeDeploy resources ("Amazon ECS blue/green deployments",
 * 2025-07-17), which AWS recommends for new setups.
 */
public enum Strategy {
  CODEDEPLOY("codedeploy"),
  ECS_NATIVE("ecs-native");

  private final String id;

  Strategy(String id) {
    this.id = id;
  }

  /** The word in setup files and on the command line ({@code --strategy}). */
  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static Strategy fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a strategy; use codedeploy or ecs-native"));
  }

  /** Leaves the default out of setup files, so that files written before strategies existed round-trip exactly. */
  public static final class DefaultFilter {
    @Override
    public boolean equals(Object other) {
      return other == null || other == CODEDEPLOY;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
