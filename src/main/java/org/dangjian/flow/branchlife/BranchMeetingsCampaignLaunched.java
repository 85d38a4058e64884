package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.EngineIdentity;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * A committee clerk starts the year's 三会一课 for the committee's branches: checks the start form, that the user
 * is the committee's clerk and that some branch has not started this year yet. A refusal rolls the start back.
 */
@Component("branchMeetingsCampaignLaunched")
class BranchMeetingsCampaignLaunched implements ExecutionListener {

  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;

  BranchMeetingsCampaignLaunched(BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings) {
    this.organizations = organizations;
    this.meetings = meetings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String committeeId = in.text(COMMITTEE_ID, "上级党委", 64);
    Integer year = in.integer(YEAR, "年度", 2000, 2100);
    if (execution.getVariable(CHECKED_FROM_MONTH) != null) {
      in.integer(CHECKED_FROM_MONTH, "从几月起检查", 1, 12);
    }
    in.refuseIfAnyProblem();
    Organization committee = organizations.find(committeeId).orElse(null);
    if (committee == null) {
      in.problem("上级党委“" + committeeId + "”不存在");
    } else if (!BranchMeetingsOrganizations.isCommittee(committee)) {
      in.problem(committee.name() + "不是党委或工委，不能启动三会一课");
    }
    in.refuseIfAnyProblem();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String actor = Actor.required(identity);
    if (!EngineIdentity.isMemberOfAny(identity, actor, List.of(Role.CLERK.groupOf(committeeId)))) {
      in.problem("三会一课须由" + committee.name() + "的党务工作者（" + Role.CLERK.groupOf(committeeId) + "）启动，当前用户为 "
          + actor);
    }
    List<Organization> branches = organizations.branchesOf(committeeId);
    if (branches.isEmpty()) {
      in.problem(committee.name() + "没有下属的党支部");
    } else if (branches.stream().allMatch(b -> meetings.year(b.id(), year).isPresent())) {
      in.problem(committee.name() + "下属各党支部" + year + "年度三会一课均已启动，不能重复启动，本次未启动任何流程");
    }
    in.refuseIfAnyProblem();
    execution.setProcessBusinessKey(BranchMeetings.businessKey(committeeId, year));
    execution.setVariable(COMMITTEE_NAME, committee.name());
    execution.setVariable(YEAR, year);
  }
}
