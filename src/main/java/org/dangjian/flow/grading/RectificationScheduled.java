package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Monthly progress (整改一个销号一个) falls due a month, two months… after the plan, while that is not past the
 * deadline. Computed on the gateway because a timer's date is evaluated before the timer's own listeners run.
 */
@Component("rectificationScheduled")
class RectificationScheduled implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate planned = LocalDate.parse((String) execution.getVariable("planDate"));
    int reported = ((Number) execution.getVariable("progressNumber")).intValue();
    LocalDate deadline = LocalDate.parse((String) execution.getVariable(RECTIFICATION_DEADLINE));
    LocalDate next = planned.plusMonths(reported + 1L);
    boolean due = !next.isAfter(deadline);
    execution.setVariable("progressDue", due);
    if (due) {
      execution.setVariable("nextProgressDate", next.toString());
      execution.setVariable("nextProgressAt", BusinessCalendar.startOf(next));
      execution.setVariable("nextProgressDueAt", BusinessCalendar.endOf(next.plusDays(9)));
    }
  }
}
