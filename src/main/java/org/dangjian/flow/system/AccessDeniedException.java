package org.dangjian.flow.system;

/** The logged-in user may not see or do this; answered as HTTP 403 with the Chinese reason. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }

  /** With the engine's own refusal as the cause: its text is the answer's developer detail. */
  public AccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
