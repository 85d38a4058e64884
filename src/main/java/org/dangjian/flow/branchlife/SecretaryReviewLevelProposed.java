package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Unpacks the SecretaryReviewLevelDecision result. The table may be redeployed with other thresholds, never other
 * levels than the spec's four: a table proposing another fails here, before the committee is asked.
 */
@Component("secretaryReviewLevelProposed")
class SecretaryReviewLevelProposed implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> proposal = (Map<String, Object>) execution.getVariable(LEVEL_PROPOSAL);
    Object level = proposal == null ? null : proposal.get(PROPOSED_LEVEL);
    if (!(level instanceof String known) || !SecretaryReview.LEVELS.containsKey(known)) {
      throw new IllegalStateException(SecretaryReview.DECISION_KEY + " proposed " + level
          + ", not one of " + SecretaryReview.LEVELS.keySet());
    }
    execution.setVariable(PROPOSED_LEVEL, known);
    execution.setVariable(PROPOSED_LEVEL_NAME, SecretaryReview.LEVELS.get(known));
    execution.removeVariable(LEVEL_PROPOSAL);
  }
}
