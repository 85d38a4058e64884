package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * Step 1 of a help case (帮办事项): a member of the village work team records a resident's difficulty under a
 * running assignment. The case is numbered {@code <assignmentKey>-<3 digits>} and handled by that unit's team,
 * confirmed by that village's clerks, supervised by that committee.
 */
@Component("helpCaseOpened")
class HelpCaseOpened implements ExecutionListener {

  /** 就业、就学、就医、行路、饮水, and anything else. */
  static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("employment", "就业");
    CATEGORIES.put("schooling", "就学");
    CATEGORIES.put("medical", "就医");
    CATEGORIES.put("road", "行路");
    CATEGORIES.put("water", "饮水");
    CATEGORIES.put("other", "其他");
  }

  /** Past the target date the first secretary takes over; this many days later the committee is told. */
  static final int COMMITTEE_AFTER_DAYS = 7;

  private final VillageHelpRecords records;
  private final OrganizationRepository organizations;
  private final Actors actors;

  HelpCaseOpened(VillageHelpRecords records, OrganizationRepository organizations, Actors actors) {
    this.records = records;
    this.organizations = organizations;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String assignmentKey = in.text(ASSIGNMENT_KEY, "帮包任务编号", 200);
    String category = in.choice("category", "困难类别", CATEGORIES.keySet());
    String household = in.text("householdName", "农户（户主姓名）", 50);
    in.text("description", "困难情况", 1000);
    LocalDate targetDate = in.date("targetDate", "目标解决日期");
    LocalDate today = BusinessCalendar.today();
    if (targetDate != null && targetDate.isBefore(today)) {
      in.problem("目标解决日期（" + targetDate + "）不能早于今天（" + today + "）");
    }
    VillageHelpRecords.Assignment assignment = assignmentKey == null ? null
        : records.assignment(assignmentKey).orElse(null);
    if (assignmentKey != null && assignment == null) {
      in.problem("帮包任务“" + assignmentKey + "”不存在");
    } else if (assignment != null && (assignment.endedOn() != null || !assignment.term().contains(today))) {
      in.problem("帮包任务“" + assignmentKey + "”不在任期内（" + assignment.termStart() + " 至 " + assignment.termEnd()
          + "），不能登记帮办事项");
    }
    String opener = actors.current();
    if (assignment != null && !actors.isMember(opener, Role.WORK_TEAM.groupOf(assignment.helpUnitId()))) {
      in.problem("帮办事项须由驻村工作队成员（" + Role.WORK_TEAM.groupOf(assignment.helpUnitId()) + "）登记，当前用户为 "
          + opener);
    }
    in.refuseIfAnyProblem();

    String caseKey = records.nextCaseKey(assignmentKey);
    execution.setProcessBusinessKey(caseKey);
    records.insertCase(new VillageHelpRecords.HelpCase(caseKey, execution.getProcessInstanceId(), assignmentKey,
        category, household, targetDate, today, 0, 0, null, null), opener);
    execution.setVariable(CASE_KEY, caseKey);
    execution.setVariable("targetDate", targetDate.toString());
    execution.setVariable("categoryTitle", CATEGORIES.get(category));
    execution.setVariable("villageName", assignment.villageName());
    execution.setVariable(COMMITTEE_ID, assignment.committeeId());
    // the organizations whose people read the case (CaseAccess)
    execution.setVariable("villageId", assignment.villageId());
    execution.setVariable("helpUnitId", assignment.helpUnitId());
    execution.setVariable(COMMITTEE_NAME, organizations.findById(assignment.committeeId()).orElseThrow().name());
    execution.setVariable(COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(assignment.committeeId()));
    execution.setVariable(WORK_TEAM_GROUP, Role.WORK_TEAM.groupOf(assignment.helpUnitId()));
    execution.setVariable(VILLAGE_CLERK_GROUP, Role.VILLAGE_CLERK.groupOf(assignment.villageId()));
    execution.setVariable("helpCaseOverdueAt", BusinessCalendar.endOf(targetDate));
    execution.setVariable("helpCaseLongOverdueAt", BusinessCalendar.endOf(targetDate.plusDays(COMMITTEE_AFTER_DAYS)));
    execution.setVariable(ESCALATION_LEVEL, 0);
  }
}
