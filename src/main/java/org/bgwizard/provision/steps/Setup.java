package org.bgwizard.provision.steps;

import java.util.Map;
import org.bgwizard.artifacts.Arns;
import org.bgwizard.artifacts.Target;
import org.bgwizard.setup.SetupSpec;

/**
 * What every step of one setup shares: the spec, where it goes, its network, the AWS resource classes, and the
 * reads their lookups share.
 */
record Setup(SetupSpec spec, Target target, NetworkFacts network, AwsResources aws, SharedLookups lookups) {

  Setup(SetupSpec spec, Target target, NetworkFacts network, AwsResources aws) {
    this(spec, target, network, aws, new SharedLookups());
  }

  Arns arns() {
    return Arns.of(spec, target);
  }

  /** The user's tags plus {@code bgwizard:setup=<name>}, for every taggable resource. */
  Map<String, String> tags() {
    return spec.resourceTags();
  }

  /** The setup tag as the AWS CLI's {@code --tags} shorthand, for CLI equivalents. */
  String cliTag() {
    return "Key=" + SetupSpec.SETUP_TAG + ",Value=" + spec.name();
  }

  /** {@code bgwizard:setup=demo}, for CLI commands whose {@code --tags} is a map. */
  String cliTagMap() {
    return SetupSpec.SETUP_TAG + "=" + spec.name();
  }

  /** The setup tag in ECS's CLI shorthand ({@code key=…,value=…}). */
  String cliEcsTag() {
    return "key=" + SetupSpec.SETUP_TAG + ",value=" + spec.name();
  }

  /** Whether a found resource's tags say this setup made it. */
  boolean ours(Map<String, String> tags) {
    return spec.name().equals(tags.get(SetupSpec.SETUP_TAG));
  }
}
