package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.branchlife.BranchMeetingRules.Due;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 月查: at a month's end (and a quarter's, in its last month) every meeting due and not held is a violation
 * (MEETING_NOT_HELD, the kind and the period) and a reminder to the branch; the same kind not held in the period
 * before as well escalates to the committee (branch-life.md, "Falling due"). A rectification left undone past its
 * deadline is a violation reported to the committee too.
 */
@Configuration
class BranchMeetingsPeriodClosed {

  private final BranchMeetingsRepository meetings;
  private final CaseEventLog events;

  BranchMeetingsPeriodClosed(BranchMeetingsRepository meetings, CaseEventLog events) {
    this.meetings = meetings;
    this.events = events;
  }

  @Bean
  JavaDelegate meetingMonthClosed() {
    return this::closeMonth;
  }

  @Bean
  JavaDelegate meetingRectificationOverdue() {
    return execution -> {
      String text = execution.getVariable(BRANCH_NAME) + "未在整改期限（" + execution.getVariable(RECTIFICATION_DEADLINE)
          + "）内完成" + execution.getVariable("reviewQuarterTitle") + "三会一课整改";
      LocalDate deadline = LocalDate.parse((String) execution.getVariable(RECTIFICATION_DEADLINE));
      append(execution, CaseEventType.VIOLATION, BranchMeetings.RULE_RECTIFICATION, text, deadline);
      append(execution, CaseEventType.ESCALATION, BranchMeetings.RULE_RECTIFICATION,
          text + "：已报告" + execution.getVariable(COMMITTEE_NAME), deadline);
    };
  }

  private void closeMonth(DelegateExecution execution) {
    String branchId = (String) execution.getVariable(BRANCH_ID);
    String branchName = (String) execution.getVariable(BRANCH_NAME);
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    MeetingPeriod month = MeetingPeriod.month(year, ((Number) execution.getVariable(MONTH_CLOSING)).intValue());
    MeetingPeriod quarter = MeetingPeriod.of(MeetingPeriod.Length.QUARTER, month.firstDay());
    List<BranchMeetingRules.Meeting> held = meetings.meetings(branchId, quarter.firstDay(), month.lastDay());
    for (Due due : BranchMeetingRules.dueWhenMonthEnds(month, meetings.partyGroups(branchId))) {
      if (BranchMeetingRules.held(due, held)
          || meetings.missed(branchId, due.kind(), due.partyGroup(), due.period())) {
        continue;
      }
      boolean twice = meetings.missed(branchId, due.kind(), due.partyGroup(), due.period().previous());
      meetings.addMiss(branchId, year, execution.getProcessInstanceId(), due, twice);
      String what = due.period().title() + "未召开" + (due.partyGroup().isEmpty() ? "" : due.partyGroup())
          + due.kind().title();
      append(execution, CaseEventType.VIOLATION, BranchMeetings.RULE_NOT_HELD, branchName + what + "（三会一课）",
          due.period().lastDay());
      append(execution, CaseEventType.REMINDER, BranchMeetings.RULE_NOT_HELD, "请" + branchName + "按规定召开"
          + (due.partyGroup().isEmpty() ? "" : due.partyGroup()) + due.kind().title() + "：" + what, due.period()
              .lastDay());
      if (twice) {
        append(execution, CaseEventType.ESCALATION, BranchMeetings.RULE_NOT_HELD, branchName + "连续两个"
            + (due.period().length() == MeetingPeriod.Length.MONTH ? "月" : "季度") + "未召开"
            + (due.partyGroup().isEmpty() ? "" : due.partyGroup()) + due.kind().title() + "（" + due.period()
                .previous().title() + "、" + due.period().title() + "）：已报告" + execution.getVariable(COMMITTEE_NAME),
            due.period().lastDay());
      }
    }
  }

  private void append(DelegateExecution execution, CaseEventType type, String rule, String text,
      LocalDate due) {
    events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), type,
        rule, execution.getCurrentActivityId(), text, due, BusinessCalendar.today(), null));
  }
}
