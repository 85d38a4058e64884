package org.dangjian.flow.system;

/** The logged-in user may not see or do this; answered as HTTP 403 with the Chinese reason. */
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
