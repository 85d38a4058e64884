package org.dangjian.flow.branchlife;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** 述职评议's Json variables, as Camunda Forms read them (option lists) and submit them (lists, dynamic lists). */
final class SecretaryReviewValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SecretaryReviewValues() {
  }

  static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The rows of a dynamic list as submitted (maps, Spin Json or JSON text); null when it is not a list of rows. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rows(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof Collection<?> c) {
      return c.stream().map(e -> e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of())
          .toList();
    }
    try {
      return MAPPER.readValue(raw.toString(), new TypeReference<List<Map<String, Object>>>() { });
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A checklist's values as submitted (a collection or a JSON array), in order, repeats kept. */
  static List<String> strings(Object raw) {
    List<String> values = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      c.forEach(v -> values.add(String.valueOf(v).trim()));
    } else if (raw != null) {
      try {
        MAPPER.readValue(raw.toString(), new TypeReference<List<Object>>() { })
            .forEach(v -> values.add(String.valueOf(v).trim()));
      } catch (JsonProcessingException e) {
        for (String part : raw.toString().split("[,，]")) {
          values.add(part.trim());
        }
      }
    }
    values.removeIf(String::isEmpty);
    return values;
  }
}
