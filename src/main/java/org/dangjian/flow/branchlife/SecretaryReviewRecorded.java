package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.springframework.stereotype.Component;

/**
 * The level goes into the organization's review history; a secretary reviewed 差 is reported to the working
 * committee (spec: "poor (差) also tells the working committee"): an entry of the case's 全程纪实, which notifies
 * the working committee's clerks.
 */
@Component("secretaryReviewRecorded")
class SecretaryReviewRecorded implements JavaDelegate {

  private final SecretaryReviewRepository reviews;
  private final CaseEventLog events;

  SecretaryReviewRecorded(SecretaryReviewRepository reviews, CaseEventLog events) {
    this.reviews = reviews;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String level = (String) execution.getVariable(REVIEW_LEVEL);
    LocalDate decidedOn = LocalDate.parse((String) execution.getVariable("decidedOn"));
    reviews.recordLevel((String) execution.getVariable(ORGANIZATION_ID),
        ((Number) execution.getVariable(YEAR)).intValue(), level, decidedOn);
    if ("poor".equals(level)) {
      events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
          CaseEventType.ESCALATION, SecretaryReview.POOR_RULE, execution.getCurrentActivityId(),
          execution.getVariable(ORGANIZATION_NAME) + "书记" + execution.getVariable(YEAR) + "年度述职评议被评定为“差”，"
              + "报" + execution.getVariable(WORKING_COMMITTEE_NAME) + "（" + execution.getVariable(COMMITTEE_NAME)
              + "评定）", null, decidedOn, (String) execution.getVariable("decidedBy")));
    }
  }
}
