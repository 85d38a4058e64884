package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.stereotype.Component;

/** Step 5: the publicity is over with no open objection; the level goes into the organization's history. */
@Component("gradingRecorded")
class GradingRecorded implements JavaDelegate {

  private final GradingRepository gradings;

  GradingRecorded(GradingRepository gradings) {
    this.gradings = gradings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = BusinessCalendar.today();
    gradings.recordResult((String) execution.getVariable(ORGANIZATION_ID),
        ((Number) execution.getVariable(YEAR)).intValue(), ((Number) execution.getVariable(SELF_TOTAL)).intValue(),
        ((Number) execution.getVariable(COMMITTEE_SCORE)).intValue(), (String) execution.getVariable(FINAL_LEVEL),
        (String) execution.getVariable(FINAL_LEVEL_NAME), LocalDate.parse((String) execution.getVariable("decidedOn")),
        today);
    execution.setVariable("finalizedOn", today.toString());
  }
}
