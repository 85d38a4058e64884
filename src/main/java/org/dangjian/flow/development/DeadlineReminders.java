package org.dangjian.flow.development;

import java.time.LocalDate;
import java.util.Date;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the reminder of a step's deadline fires (the non-interrupting deadline timers of MemberDevelopmentProcess:
 * BoundaryEvent_TalkOverdue, BoundaryEvent_ApprovalOverdue, BoundaryEvent_ProbationEnds), evaluated by the engine as
 * the step opens.
 *
 * <p>A step that opens after its deadline is being recorded after the fact (补录 of a paper case, or an earlier step
 * entered late): firing at once would remind, escalate and open a supervision task for a deadline the paper dates
 * may well have met. Such a step's reminder waits until the end of the next working day after the day it opened;
 * recorded by then, its form's dates decide (a violation from the recorded dates if they missed the deadline, nothing
 * if they met it). Not recorded by then, the case is late today and the reminder fires. A step opened before its
 * deadline is reminded at the deadline. The task's due date (Tasklist, 逾期待办) stays the true deadline.
 *
 * <p>A function of the deadline, not a variable set by a listener: the engine creates a boundary timer before the
 * activity's start listeners run, and the timer's own due date (Cockpit's job list) shows when it will fire.
 */
@Component("deadlineReminders")
public class DeadlineReminders {

  private final Predicate<LocalDate> isWorkingDay;

  @Autowired
  DeadlineReminders(WorkingDayCalendar workingDays) {
    this(workingDays::isWorkingDay);
  }

  /** With a calendar of its own: the holiday calendar is the database's, a test gives one directly. */
  DeadlineReminders(Predicate<LocalDate> isWorkingDay) {
    this.isWorkingDay = isWorkingDay;
  }

  /** The instant the reminder of a deadline fires for a step that opens now. */
  public Date at(Date deadline) {
    if (deadline.after(ClockUtil.getCurrentTime())) {
      return deadline;
    }
    return BusinessCalendar.endOf(nextWorkingDayAfter(BusinessCalendar.today()));
  }

  LocalDate nextWorkingDayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay.test(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
