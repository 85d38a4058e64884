package org.dangjian.flow.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a process does for a case that an administrator started elsewhere than at its start event (start
 * instructions, restart), at the close of the starting command: the checks and bookkeeping its start event would
 * have done, so that every case is numbered and granted however it came to be ({@link CaseAccessGranting}).
 */
public interface StartedElsewhere {

  void started(DelegateExecution processInstance);
}
