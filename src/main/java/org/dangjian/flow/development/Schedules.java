package org.dangjian.flow.development;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dates the recurring reviews fall due, computed as the case enters each wait. */
@Configuration
class Schedules {

  /** Step 6: the n-th half-year review falls due n × 6 months after the activist date (细则 Art. 11). */
  @Bean
  ExecutionListener activistReviewScheduled() {
    return execution -> {
      int number = count(execution, "activistReviewCount") + 1;
      LocalDate due = ActivistRules.reviewDueDate(date(execution, "activistDate"), number);
      execution.setVariable("activistReviewNumber", number);
      execution.setVariable("activistReviewDueDate", due.toString());
      execution.setVariable("activistReviewAt", BusinessCalendar.startOf(due));
      execution.setVariable("activistReviewDeadlineAt", BusinessCalendar.endOf(CalendarRules.monthsAfter(due, 1)));
    };
  }

  /**
   * Step 21 every 3 months of probation, until the conversion application opens one month before the
   * probation ends (step 22); after an extension the reviews go on to the new end.
   */
  @Bean
  ExecutionListener probationScheduled() {
    return execution -> {
      int done = count(execution, "probationReviewCount");
      LocalDate next = CalendarRules.monthsAfter(date(execution, "probationStartDate"), 3 * (done + 1));
      LocalDate end = date(execution, "probationEndDate");
      LocalDate opens = end.minusMonths(1);
      boolean pending = next.isBefore(opens);
      execution.setVariable("probationReviewPending", pending);
      if (pending) {
        execution.setVariable("probationReviewNumber", done + 1);
        execution.setVariable("probationReviewAt", BusinessCalendar.startOf(next));
      } else {
        execution.setVariable("conversionOpensAt", BusinessCalendar.startOf(opens));
        execution.setVariable("probationEndsAt", BusinessCalendar.startOf(end));
      }
    };
  }

  private static int count(DelegateExecution execution, String key) {
    Object value = execution.getVariable(key);
    return value == null ? 0 : ((Number) value).intValue();
  }

  private static LocalDate date(DelegateExecution execution, String key) {
    return LocalDate.parse((String) execution.getVariable(key));
  }
}
