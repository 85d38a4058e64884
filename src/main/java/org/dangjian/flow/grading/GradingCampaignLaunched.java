package org.dangjian.flow.grading;

import static org.dangjian.flow.grading.Grading.Vars.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * A committee clerk launches the year's grading: checks the start form and that this committee has not launched
 * this year yet. A refusal rolls the start back, so a second launch starts nothing.
 */
@Component("gradingCampaignLaunched")
class GradingCampaignLaunched implements ExecutionListener {

  private final GradingOrganizations organizations;
  private final GradingRepository gradings;

  GradingCampaignLaunched(GradingOrganizations organizations, GradingRepository gradings) {
    this.organizations = organizations;
    this.gradings = gradings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String committeeId = in.text(COMMITTEE_ID, "上级党委", 64);
    Integer year = in.integer(YEAR, "定级年度", 2000, 2100);
    in.integer(EVALUATION_DAYS, "测评天数", 1, 60);
    Organization committee = committeeId == null ? null : organizations.committee(committeeId, in);
    String actor = Actor.required(execution.getProcessEngineServices().getIdentityService());
    if (committee != null && !EngineIdentity.isMemberOfAny(execution.getProcessEngineServices().getIdentityService(),
        actor, List.of(Role.CLERK.groupOf(committeeId)))) {
      in.problem("分类定级须由" + committee.name() + "的党务工作者（" + Role.CLERK.groupOf(committeeId) + "）启动，当前用户为 "
          + actor);
    }
    in.refuseIfAnyProblem();
    gradings.campaignStartedAt(committeeId, year).ifPresent(at -> in.problem(committee.name() + year
        + "年度分类定级已于" + at.toInstant().atZone(BusinessCalendar.ZONE).format(DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm")) + "启动，不能重复启动，本次未启动任何定级"));
    List<Organization> graded = organizations.gradedBy(committeeId);
    if (graded.isEmpty()) {
      in.problem(committee.name() + "没有所属党组织，无需定级");
    }
    in.refuseIfAnyProblem();
    gradings.addCampaign(committeeId, year, execution.getProcessInstanceId(), actor);
    execution.setProcessBusinessKey(Grading.businessKey(committeeId, year));
    execution.setVariable(COMMITTEE_NAME, committee.name());
    execution.setVariable(YEAR, year);
  }
}
