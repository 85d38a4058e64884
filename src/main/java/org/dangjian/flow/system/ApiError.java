package org.dangjian.flow.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of our REST API (/api), the same as the engine REST API's: {@code type} (what kind of
 * refusal), {@code message} (Chinese, for the user) and {@code detail} (for the developer: the engine's or the
 * parser's own text; null when there is nothing beyond the message).
 */
public final class ApiError {

  private ApiError() {
  }

  public static Map<String, Object> body(String type, String message, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("detail", detail);
    return body;
  }

  public static ResponseEntity<Map<String, Object>> response(HttpStatus status, String type, String message,
      String detail) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(type, message, detail));
  }

  /** One of our own refusals, whose message is already the Chinese text for the user. */
  public static ResponseEntity<Map<String, Object>> response(HttpStatus status, RuntimeException e) {
    return response(status, e.getClass().getSimpleName(), e.getMessage(),
        e.getCause() == null ? null : e.getCause().getMessage());
  }
}
