package org.dangjian.flow.branchlife;

import static org.dangjian.flow.branchlife.BranchMeetings.Vars.*;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.Actor;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * One branch, one year: checks the start, claims the (branch, year) row so that the same branch never has two
 * years of the same year, and sets who records (the branch's clerks) and who reviews (its committee's clerks).
 */
@Component("branchMeetingsStarted")
class BranchMeetingsStarted implements ExecutionListener {

  /** Meetings of the year may still be recorded in January of the next (补录); the checks have run by then. */
  static final int RECORDING_MONTHS_AFTER_YEAR = 1;

  private final BranchMeetingsOrganizations organizations;
  private final BranchMeetingsRepository meetings;
  private final BranchMeetingsTaskOpened options;

  BranchMeetingsStarted(BranchMeetingsOrganizations organizations, BranchMeetingsRepository meetings,
      BranchMeetingsTaskOpened options) {
    this.organizations = organizations;
    this.meetings = meetings;
    this.options = options;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String branchId = in.text(BRANCH_ID, "党支部", 64);
    Integer year = in.integer(YEAR, "年度", 2000, 2100);
    Integer given = execution.getVariable(CHECKED_FROM_MONTH) == null ? null
        : in.integer(CHECKED_FROM_MONTH, "从几月起检查", 1, 12);
    in.refuseIfAnyProblem();
    Optional<Organization> branch = organizations.find(branchId);
    Optional<Organization> committee = branch.flatMap(organizations::committeeOf);
    if (branch.isEmpty()) {
      in.problem("党支部“" + branchId + "”不存在");
    } else if (!branch.get().isBranch() || organizations.isClosed(branchId)) {
      in.problem(branch.get().name() + "不是在册的党支部，没有三会一课");
    } else if (committee.isEmpty()) {
      in.problem(branch.get().name() + "没有上级党委，无人审核其三会一课");
    }
    in.refuseIfAnyProblem();
    Organization b = branch.get();
    int checkedFrom = given != null ? given : checkedFrom(year, BusinessCalendar.today());
    if (!meetings.claimYear(b.id(), year, committee.get().id(), execution.getProcessInstanceId(),
        Actor.current(execution.getProcessEngineServices().getIdentityService()), checkedFrom)) {
      in.problem(b.name() + year + "年度三会一课已经启动，同一支部同一年度只启动一次");
    }
    in.refuseIfAnyProblem();

    execution.setProcessBusinessKey(BranchMeetings.businessKey(b.id(), year));
    execution.setVariable(YEAR, year);
    execution.setVariable(BRANCH_NAME, b.name());
    execution.setVariable(COMMITTEE_ID, committee.get().id());
    execution.setVariable(COMMITTEE_NAME, committee.get().name());
    execution.setVariable(BRANCH_CLERK_GROUP, Role.CLERK.groupOf(b.id()));
    execution.setVariable(COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(committee.get().id()));
    execution.setVariable(MEETINGS_RECORDED, 0);
    execution.setVariable(CHECKED_FROM_MONTH, checkedFrom);
    execution.setVariable(RECORDING_CLOSES_AT,
        BusinessCalendar.startOf(LocalDate.of(year + 1, 1, 1).plusMonths(RECORDING_MONTHS_AFTER_YEAR)));
    options.offerPartyGroups(execution, b.id());
  }

  /**
   * Without a month chosen at the start, the checks begin with the month the year is started in: a branch founded,
   * or a committee going live, in the middle of a year is not judged on the months it had no record here (their
   * meetings may still be recorded, 补录, without a violation); a year started ahead is checked from January, a past
   * year not at all (13).
   */
  static int checkedFrom(int year, LocalDate today) {
    return year > today.getYear() ? 1 : year == today.getYear() ? today.getMonthValue() : 13;
  }
}
