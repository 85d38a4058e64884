package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tasks that run side by side (one task per objection) keep their inputs in their own execution: declared there
 * empty, what the form submits lands there and not on the process, so two objections never overwrite each other.
 * Ballots of gradings started before each ballot became a process of its own ({@link Grading#BALLOT_KEY}) still
 * declare theirs here; today's ballot needs no declaration, nothing else living in its process.
 */
@Component("gradingTaskOpened")
class GradingTaskOpened implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case Grading.Tasks.MASS_EVALUATION -> {
        task.getExecution().setVariableLocal(SATISFACTION, null);
        task.getExecution().setVariableLocal(EVALUATION_COMMENT, null);
      }
      case Grading.Tasks.HANDLE_OBJECTION -> {
        task.getExecution().setVariableLocal(OBJECTION_OUTCOME, null);
        task.getExecution().setVariableLocal(OBJECTION_FINDING, null);
      }
      default -> throw new IllegalStateException("no local inputs for " + task.getTaskDefinitionKey());
    }
  }
}
