package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * One rectification per problem raised, side by side: each keeps its problem, its deadline and what its forms
 * submit in its own scope (declared here), so two rectifications never overwrite each other.
 */
@Component("secretaryReviewProblemOpened")
class SecretaryReviewProblemOpened implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    int number = ((Number) execution.getVariable(PROBLEM_NUMBER)).intValue();
    List<Map<String, Object>> problems = SecretaryReviewValues.rows(execution.getVariable(PROBLEMS_RAISED));
    Map<String, Object> problem = problems.get(number - 1);
    LocalDate deadline = LocalDate.parse(problem.get("deadline").toString());
    execution.setVariableLocal(PROBLEM, problem.get("problem"));
    execution.setVariableLocal(PROBLEM_DEADLINE, deadline.toString());
    execution.setVariableLocal(PROBLEM_DEADLINE_AT, BusinessCalendar.endOf(deadline));
    for (String input : List.of(RECTIFICATION_MEASURES, RECTIFICATION_RESULT, ACCEPTANCE_RESULT, ACCEPTANCE_OPINION,
        "rectifiedOn")) {
      execution.setVariableLocal(input, null);
    }
  }
}
