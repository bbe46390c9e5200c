package org.bgwizard.setup;

import java.util.Locale;
import java.util.Map;

/** User tags, which join the setup tag on every resource (AWS allows 50 tags per resource). */
final class TagRules {
  static final int MAX_USER_TAGS = 45;

  private TagRules() {}

  static void check(Map<String, String> tags, Findings f) {
    f.require(tags.size() <= MAX_USER_TAGS, "tags", tags.size(), "tags.tooMany");
    tags.forEach((key, value) -> {
      if (key.isEmpty() || key.length() > 128) {
        f.add("tags", key, "tagKey.invalid", key.length());
      } else if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        f.add("tags", key, "tagKey.reserved");
      } else if (key.equals(SetupSpec.SETUP_TAG)) {
        f.add("tags", key, "tagKey.setupTag");
      }
      if (value.length() > 256) {
        f.add("tags." + key, value, "tagValue.tooLong", value.length());
      }
    });
  }
}
