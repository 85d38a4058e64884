package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.grading.GradingRepository.BallotCount;
import org.springframework.stereotype.Component;

/**
 * Step 2 closes (all answered or the deadline passed): only counts and rates reach the process. The comments are
 * part of the ballots and stay in secret_ballot; the committee reads them through {@link GradingController}.
 */
@Component("evaluationTallied")
class EvaluationTallied implements JavaDelegate {

  private final GradingRepository gradings;

  EvaluationTallied(GradingRepository gradings) {
    this.gradings = gradings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BallotCount count = gradings.countBallots(execution.getProcessInstanceId());
    int named = ((Collection<?>) execution.getVariable(EVALUATORS)).size();
    Evaluation evaluation = new Evaluation(count.satisfied(), count.basicallySatisfied(), count.unsatisfied(), named);
    execution.setVariable("satisfiedCount", evaluation.satisfied());
    execution.setVariable("basicallySatisfiedCount", evaluation.basicallySatisfied());
    execution.setVariable("unsatisfiedCount", evaluation.unsatisfied());
    execution.setVariable(BALLOTS_CAST, evaluation.cast());
    execution.setVariable(BALLOTS_MISSING, evaluation.missing());
    execution.setVariable(SATISFACTION_RATE, evaluation.satisfactionRate());
    execution.setVariable(UNSATISFIED_RATE, evaluation.unsatisfiedRate());
    execution.setVariable("satisfactionPercent", Evaluation.percent(evaluation.satisfactionRate()));
    execution.setVariable("unsatisfiedPercent", Evaluation.percent(evaluation.unsatisfiedRate()));
  }
}
