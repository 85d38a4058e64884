package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The period ends the two loops wait for, on the engine clock: each month's end (月查) and each quarter's end
 * (季审), from the first month checked (checkedFromMonth) to December of the process's year. The timers fire at 00:00 of the first day after the period.
 */
@Configuration
class BranchMeetingsSchedules {

  /** The first month checked (cases started before this was kept: January). */
  private static int firstMonth(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    return execution.getVariable(CHECKED_FROM_MONTH) instanceof Number n ? n.intValue() : 1;
  }

  @Bean
  ExecutionListener meetingMonthScheduled() {
    return execution -> {
      int year = ((Number) execution.getVariable(YEAR)).intValue();
      Object previous = execution.getVariable(MONTH_CLOSING);
      int month = previous == null ? firstMonth(execution) : ((Number) previous).intValue() + 1;
      execution.setVariable(MONTH_CLOSING, month);
      execution.setVariable(MONTHS_PENDING, month <= 12);
      if (month <= 12) {
        execution.setVariable(MONTH_ENDS_AT,
            BusinessCalendar.startOf(MeetingPeriod.month(year, month).lastDay().plusDays(1)));
      }
    };
  }

  @Bean
  ExecutionListener meetingQuarterScheduled() {
    return execution -> {
      int year = ((Number) execution.getVariable(YEAR)).intValue();
      Object previous = execution.getVariable(QUARTER_REVIEWED);
      // the quarter of the first month checked is checked (its quarterly meetings may still be held in it)
      int quarter = previous == null ? (firstMonth(execution) - 1) / 3 + 1 : ((Number) previous).intValue() + 1;
      execution.setVariable(QUARTER_REVIEWED, quarter);
      execution.setVariable(QUARTERS_PENDING, quarter <= 4);
      if (quarter <= 4) {
        execution.setVariable(QUARTER_ENDS_AT,
            BusinessCalendar.startOf(MeetingPeriod.quarter(year, quarter).lastDay().plusDays(1)));
      }
    };
  }
}
