package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deadlines that pass: reminders to whoever must act, escalations to whoever supervises them. */
@Configuration
class Escalations {

  private final CaseEventLog events;

  Escalations(CaseEventLog events) {
    this.events = events;
  }

  /** Step 2 not done within a month: the branch is reminded, the committee told (and gets a task). */
  @Bean
  JavaDelegate talkOverdueEscalation() {
    return execution -> {
      LocalDate due = LocalDate.parse((String) execution.getVariable("talkDueDate"));
      record(execution, CaseEventType.REMINDER, "TALK_WITHIN_ONE_MONTH",
          "谈话已逾期：请" + execution.getVariable(BRANCH_NAME) + "尽快派人同申请人谈话", due);
      record(execution, CaseEventType.ESCALATION, "TALK_WITHIN_ONE_MONTH",
          "已报告" + execution.getVariable(COMMITTEE_NAME) + "：支部未在一个月内同申请人谈话", due);
    };
  }

  /** Step 17 not decided within 3 months of the branch meeting: the committee reminded, the org dept told. */
  @Bean
  JavaDelegate approvalOverdueEscalation() {
    return execution -> {
      LocalDate due = LocalDate.parse((String) execution.getVariable("admissionApprovalDueDate"));
      record(execution, CaseEventType.REMINDER, "ADMISSION_APPROVAL_WITHIN_3_MONTHS",
          "入党审批已超过支部大会后3个月：请" + execution.getVariable(COMMITTEE_NAME) + "尽快审批或记录延长理由", due);
      record(execution, CaseEventType.ESCALATION, "ADMISSION_APPROVAL_WITHIN_3_MONTHS",
          "已报告工委组织部门：入党审批超过3个月未完成", due);
    };
  }

  /**
   * Step 24 not decided within 3 months of the branch meeting (细则 Art. 32 and the spec's limit, which has no
   * extension): the committee is reminded and the missed deadline recorded as a violation at once; the approval,
   * when it comes, does not record it a second time.
   */
  @Bean
  JavaDelegate conversionApprovalOverdueEscalation() {
    return execution -> {
      LocalDate due = LocalDate.parse((String) execution.getVariable("conversionApprovalDueDate"));
      record(execution, CaseEventType.REMINDER, "CONVERSION_APPROVAL_WITHIN_3_MONTHS",
          "转正审批已超过支部大会后3个月：请" + execution.getVariable(COMMITTEE_NAME) + "尽快集体讨论审批（"
              + execution.getVariable("resolutionTitle") + "）", due);
      record(execution, CaseEventType.VIOLATION, "CONVERSION_APPROVAL_WITHIN_3_MONTHS",
          "上级党委审批转正超过支部大会后3个月的期限（至今未审批）", due);
      execution.setVariable("conversionApprovalOverdueRecorded", true);
    };
  }

  /**
   * Step 22: the probation ends; the branch is reminded to take the conversion application. On the end date itself
   * unless step 22 opened after it (DeadlineReminders' grace): then the text names the day it ended.
   */
  @Bean
  JavaDelegate conversionReminder() {
    return execution -> {
      LocalDate end = LocalDate.parse((String) execution.getVariable("probationEndDate"));
      record(execution, CaseEventType.REMINDER, "CONVERSION_ON_PROBATION_END", conversionReminderText(end,
          BusinessCalendar.today()), end);
    };
  }

  static String conversionReminderText(LocalDate probationEnd, LocalDate today) {
    return (probationEnd.equals(today) ? "预备期今日期满" : "预备期已于 " + probationEnd + " 期满")
        + "：请及时提出转正申请并召开支部大会讨论";
  }

  private void record(DelegateExecution execution, CaseEventType type, String rule, String text, LocalDate due) {
    events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(), (String) execution.getVariable(CASE_NUMBER),
        type, rule, execution.getCurrentActivityId(), text, due, BusinessCalendar.today(), null));
  }
}
