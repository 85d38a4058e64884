package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * A problem raised is not rectified by its deadline (spec: "with a deadline"): the case's 全程纪实 records the
 * violation, and the secretary, who still holds the task, is reminded. The task stays open.
 */
@Component("secretaryReviewRectificationOverdue")
class SecretaryReviewRectificationOverdue implements JavaDelegate {

  static final String RULE = "REVIEW_RECTIFICATION_BY_DEADLINE";

  private final CaseEventLog events;

  SecretaryReviewRectificationOverdue(CaseEventLog events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate deadline = LocalDate.parse((String) execution.getVariable(PROBLEM_DEADLINE));
    String text = "述职评议提出的问题“" + execution.getVariable(PROBLEM) + "”未在整改期限（" + deadline + "）内完成整改";
    for (CaseEventType type : new CaseEventType[] {CaseEventType.VIOLATION, CaseEventType.REMINDER}) {
      events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), type,
          RULE, SecretaryReview.Tasks.REVIEW_RECTIFICATION, text, deadline, BusinessCalendar.today(), null));
    }
  }
}
