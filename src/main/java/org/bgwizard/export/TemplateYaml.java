package org.bgwizard.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * The YAML of templates: as the generated documents' ({@code artifacts.Yaml}), but a date such as {@code 2012-10-17}
 * is quoted, since YAML 1.1 reads it unquoted as a timestamp, not the string a policy's {@code Version} is.
 */
final class TemplateYaml {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new StringQuotingChecker.Default() {
        @Override
        public boolean needToQuoteValue(String value) {
          return DATE.matcher(value).matches() || super.needToQuoteValue(value);
        }
      })
      .build());

  private TemplateYaml() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a YAML tree always serializes", e);
    }
  }
}
