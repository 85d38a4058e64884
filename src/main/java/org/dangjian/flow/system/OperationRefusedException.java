package org.dangjian.flow.system;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An operation the user's role does not allow through any interface (moving a case, changing its variables,
 * writing as a read-only role). An {@link AuthorizationException}, so that both REST APIs (ours under
 * /engine-rest and the webapps' under /camunda/api/engine) answer 403.
 */
public class OperationRefusedException extends AuthorizationException {

  private final String userId;

  public OperationRefusedException(String userId, String message) {
    super(message);
    this.userId = userId;
  }

  @Override
  public String getUserId() {
    return userId;
  }
}
