package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.SecretaryReview.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.organization.Organization;
import org.springframework.stereotype.Component;

/** One SecretaryReviewProcess per organization under the committee, in the campaign's transaction. */
@Component("secretaryReviewsStarted")
class SecretaryReviewsStarted implements JavaDelegate {

  private final SecretaryReviewRepository reviews;

  SecretaryReviewsStarted(SecretaryReviewRepository reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String committeeId = (String) execution.getVariable(COMMITTEE_ID);
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    Object days = execution.getVariable(EVALUATION_DAYS);
    List<String> started = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Organization o : reviews.reviewedBy(committeeId)) {
      if (reviews.find(o.id(), year).isPresent()) {
        // reviewed on its own before the campaign: the same organization and year never twice
        skipped.add(o.name());
        continue;
      }
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
          SecretaryReview.PROCESS_KEY, SecretaryReview.businessKey(o.id(), year),
          Map.of(ORGANIZATION_ID, o.id(), YEAR, year, EVALUATION_DAYS, days));
      started.add(o.name());
    }
    execution.setVariable("campaignSummary", "已为" + started.size() + "个党组织启动" + year + "年度书记述职评议"
        + (started.isEmpty() ? "" : "：" + String.join("、", started))
        + (skipped.isEmpty() ? "" : "；已在评议，未重复启动：" + String.join("、", skipped)));
  }
}
