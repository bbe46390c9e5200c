package org.bgwizard.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The AWS managed policies the sandbox knows (iam-managed-policies.json), by ARN, as JSON documents. */
final class IamManagedPolicies {
  private static final Map<String, String> DOCUMENTS = load();

  private IamManagedPolicies() {}

  static Optional<String> document(String arn) {
    return Optional.ofNullable(DOCUMENTS.get(arn));
  }

  /** The policy name: the last segment of the ARN. */
  static String name(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static Map<String, String> load() {
    var mapper = new ObjectMapper();
    try (InputStream in = IamManagedPolicies.class.getResourceAsStream("iam-managed-policies.json")) {
      if (in == null) {
        throw new IllegalStateException("iam-managed-policies.json is missing from the classpath");
      }
      Map<String, String> out = new TreeMap<>();
      JsonNode root = mapper.readTree(in);
      for (var e : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
        if (e.getKey().startsWith("arn:")) {
          out.put(e.getKey(), mapper.writeValueAsString(e.getValue()));
        }
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
