package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dangjian.flow.organization.Organization;
import org.springframework.stereotype.Component;

/** One OrganizationGradingProcess per organization under the committee, in the campaign's transaction. */
@Component("gradingsStarted")
class GradingsStarted implements JavaDelegate {

  private final GradingOrganizations organizations;
  private final GradingRepository gradings;

  GradingsStarted(GradingOrganizations organizations, GradingRepository gradings) {
    this.organizations = organizations;
    this.gradings = gradings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String committeeId = (String) execution.getVariable(COMMITTEE_ID);
    int year = ((Number) execution.getVariable(YEAR)).intValue();
    Object days = execution.getVariable(EVALUATION_DAYS);
    List<String> started = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Organization o : organizations.gradedBy(committeeId)) {
      if (gradings.find(o.id(), year).isPresent()) {
        // graded on its own before the campaign: the same organization and year never twice
        skipped.add(o.name());
        continue;
      }
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(Grading.PROCESS_KEY,
          Grading.businessKey(o.id(), year), Map.of(ORGANIZATION_ID, o.id(), YEAR, year, EVALUATION_DAYS, days));
      started.add(o.name());
    }
    execution.setVariable("startedGradings", String.join("、", started));
    execution.setVariable("campaignSummary", "已为" + started.size() + "个党组织启动" + year + "年度分类定级"
        + (started.isEmpty() ? "" : "：" + String.join("、", started))
        + (skipped.isEmpty() ? "" : "；已定级或正在定级，未重复启动：" + String.join("、", skipped)));
  }
}
