package org.bgwizard.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.bgwizard.util.AtomicFiles;

/** Reads and writes setup files: JSON, exact round trip, unknown fields rejected with a clear message. */
public final class SpecJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private SpecJson() {}

  public static String write(SetupSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a SetupSpec always serializes", e);
    }
  }

  public static SetupSpec read(String json) throws SpecFormatException {
    SetupSpec spec;
    try {
      spec = MAPPER.readValue(json, SetupSpec.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      throw new SpecFormatException("Unknown field '" + path(e) + "' (line " + e.getLocation().getLineNr()
          + "); the fields accepted here are: " + known, e);
    } catch (InvalidFormatException e) {
      throw new SpecFormatException("Field '" + path(e) + "' (line " + e.getLocation().getLineNr() + ") has the value '"
          + e.getValue() + "', which is not a " + describe(e.getTargetType()), e);
    } catch (MismatchedInputException e) {
      throw new SpecFormatException("Field '" + path(e) + "' (line " + lineOf(e) + ") should be a "
          + describe(e.getTargetType()), e);
    } catch (JsonProcessingException e) {
      throw new SpecFormatException("Not valid JSON at line " + lineOf(e) + ": " + e.getOriginalMessage(), e);
    }
    if (spec == null) {
      throw new SpecFormatException("The setup file is empty; expected a JSON object", null);
    }
    if (spec.formatVersion() != SetupSpec.FORMAT_VERSION) {
      throw new SpecFormatException("formatVersion is " + spec.formatVersion() + "; this version of the app reads "
          + "formatVersion " + SetupSpec.FORMAT_VERSION, null);
    }
    return spec;
  }

  public static SetupSpec load(Path file) throws IOException, SpecFormatException {
    return read(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Writes atomically: a crash never leaves half a file. */
  public static void save(SetupSpec spec, Path file) throws IOException {
    AtomicFiles.write(file, write(spec));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static int lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "value of the expected kind";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == int.class || type == Integer.class) {
      return "whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    return "JSON object (" + type.getSimpleName() + ")";
  }
}
