package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.dangjian.flow.organization.Organization;
import org.dangjian.flow.organization.OrganizationKind;
import org.dangjian.flow.organization.OrganizationRepository;
import org.dangjian.flow.organization.Role;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/**
 * Step 1 选派: checks the committee clerk's start form (the unit, the village, the people, the term), then
 * records the assignment under its business key {@code <helpUnitId>-<villageName>-<termStart year>} and sets
 * who handles what. A refusal rolls the start back; a second identical assignment is refused.
 */
@Component("villageAssignmentReceived")
class AssignmentReceived implements ExecutionListener {

  private final OrganizationRepository organizations;
  private final VillageHelpRecords records;
  private final Actors actors;

  AssignmentReceived(OrganizationRepository organizations, VillageHelpRecords records, Actors actors) {
    this.organizations = organizations;
    this.records = records;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepInput in = new StepInput(execution);
    String villageName = in.text("villageName", "村名", 50);
    String townshipName = in.text("townshipName", "乡镇（街道）", 50);
    String villageId = in.text("villageId", "村党组织", 64);
    String helpUnitId = in.text("helpUnitId", "帮包单位", 64);
    String firstSecretary = in.text("firstSecretaryUserId", "第一书记", 64);
    String unitHead = in.text("unitHeadUserId", "单位一把手", 64);
    LocalDate termStart = in.date("termStart", "任期开始日期");
    LocalDate termEnd = in.date("termEnd", "任期结束日期");
    LocalDate visitDeadline = in.date("visitDeadline", "一把手走访期限");

    Optional<Organization> unit = Optional.ofNullable(helpUnitId).flatMap(organizations::findById);
    Optional<Organization> village = Optional.ofNullable(villageId).flatMap(organizations::findById);
    if (helpUnitId != null && unit.filter(o -> o.kind() == OrganizationKind.HELP_UNIT).isEmpty()) {
      in.problem("帮包单位“" + helpUnitId + "”不存在或不是帮包单位");
    }
    if (villageId != null && village.filter(o -> o.kind() == OrganizationKind.VILLAGE).isEmpty()) {
      in.problem("村党组织“" + villageId + "”不存在或不是村");
    }
    Optional<Organization> committee = unit.flatMap(u -> organizations.workingCommitteeOf(u.id()));
    if (unit.isPresent() && committee.isEmpty()) {
      in.problem("帮包单位“" + helpUnitId + "”不属于任何工委");
    }
    if (committee.isPresent() && village.isPresent()
        && !committee.equals(organizations.workingCommitteeOf(village.get().id()))) {
      in.problem("村“" + village.get().name() + "”与帮包单位不属于同一工委（" + committee.get().name() + "）");
    }
    if (unit.isPresent()) {
      requireMember(in, firstSecretary, Role.WORK_TEAM.groupOf(helpUnitId), "第一书记", "驻村工作队");
      requireMember(in, unitHead, Role.UNIT_HEAD.groupOf(helpUnitId), "单位一把手", "单位主要负责人");
    }
    String initiator = actors.current();
    if (committee.isPresent() && !actors.isMember(initiator, Role.CLERK.groupOf(committee.get().id()))) {
      in.problem("驻村帮包须由" + committee.get().name() + "党务工作者（" + Role.CLERK.groupOf(committee.get().id())
          + "）选派，当前用户为 " + initiator);
    }
    in.problems(Term.problems(termStart, termEnd, visitDeadline));
    String key = villageName == null || termStart == null ? null
        : helpUnitId + "-" + villageName + "-" + termStart.getYear();
    if (key != null && records.assignment(key).isPresent()) {
      in.problem("帮包任务 " + key + " 已存在，不能重复选派");
    }
    in.refuseIfAnyProblem();

    execution.setProcessBusinessKey(key);
    records.insertAssignment(new VillageHelpRecords.Assignment(key, execution.getProcessInstanceId(),
        committee.get().id(), helpUnitId, villageId, villageName, townshipName, firstSecretary, unitHead, termStart,
        termEnd, visitDeadline, null, null));
    execution.setVariable(ASSIGNMENT_KEY, key);
    execution.setVariable(COMMITTEE_ID, committee.get().id());
    execution.setVariable(COMMITTEE_NAME, committee.get().name());
    execution.setVariable(HELP_UNIT_NAME, unit.get().name());
    execution.setVariable(COMMITTEE_CLERK_GROUP, Role.CLERK.groupOf(committee.get().id()));
    execution.setVariable(WORK_TEAM_GROUP, Role.WORK_TEAM.groupOf(helpUnitId));
    execution.setVariable(VILLAGE_CLERK_GROUP, Role.VILLAGE_CLERK.groupOf(villageId));
    execution.setVariable("termStart", termStart.toString());
    execution.setVariable("termEnd", termEnd.toString());
    execution.setVariable("visitDeadline", visitDeadline.toString());
    execution.setVariable(VISIT_OVERDUE_AT, BusinessCalendar.endOf(visitDeadline));
    execution.setVariable(REPORTS_DONE, 0);
    execution.setVariable(YEARS_DONE, 0);
  }

  private void requireMember(StepInput in, String userId, String groupId, String label, String groupTitle) {
    if (userId == null) {
      return;
    }
    if (!actors.exists(userId)) {
      in.problem(label + "“" + userId + "”不是系统用户");
    } else if (!actors.isMember(userId, groupId)) {
      in.problem(label + "“" + userId + "”不在该单位的" + groupTitle + "（" + groupId + "）中");
    }
  }
}
