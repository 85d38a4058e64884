package org.dangjian.flow.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Json variables, as Camunda Forms read them for option lists and submit them for lists. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  static JsonValue of(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A list of objects as submitted: a collection of maps, Spin Json or JSON text; null when not a list. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof Collection<?> c) {
      return c.stream().map(e -> e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of()).toList();
    }
    try {
      return MAPPER.readValue(raw.toString(), new TypeReference<List<Map<String, Object>>>() { });
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
