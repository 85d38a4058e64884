package org.dangjian.flow.system;

import org.camunda.bpm.engine.ProcessEngineException;

/** Somebody else completed the task first; this submission changed nothing. REST answers 409. */
public class TaskConflictException extends ProcessEngineException {

  public TaskConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
