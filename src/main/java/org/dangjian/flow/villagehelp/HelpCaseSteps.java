package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Tasks.*;
import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.springframework.stereotype.Component;

/** The server side of the user tasks of HelpCaseProcess; a refusal leaves the task open and changes nothing. */
@Component("helpCaseStepCompleted")
class HelpCaseSteps implements TaskListener {

  private final VillageHelpRecords records;
  private final CaseEventLog events;
  private final Actors actors;

  HelpCaseSteps(VillageHelpRecords records, CaseEventLog events, Actors actors) {
    this.records = records;
    this.events = events;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    StepInput in = new StepInput(task);
    String actor = actors.of(task);
    switch (task.getTaskDefinitionKey()) {
      case RESOLVE_HELP_CASE -> resolve(task, in, actor);
      case SUPERVISE_HELP_CASE -> {
        actors.requireMember(in, actor, (String) task.getVariable(COMMITTEE_CLERK_GROUP),
            task.getVariable(COMMITTEE_NAME) + "党务工作者");
        in.text("supervisionNote", "督办情况", 1000);
        in.refuseIfAnyProblem();
        task.getExecution().removeVariable("supervisionNote");
      }
      case CONFIRM_SATISFACTION -> confirm(task, in, actor);
      default -> throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
    }
  }

  private void resolve(DelegateTask task, StepInput in, String actor) {
    actors.requireMember(in, actor, (String) task.getVariable(WORK_TEAM_GROUP), "驻村工作队成员");
    in.text("actionsTaken", "采取的措施", 2000);
    LocalDate resolved = in.pastDate("resolvedDate", "解决日期");
    String caseKey = (String) task.getVariable(CASE_KEY);
    LocalDate opened = records.helpCase(caseKey).orElseThrow().openedOn();
    if (resolved != null && resolved.isBefore(opened)) {
      in.problem("解决日期（" + resolved + "）不能早于登记日期（" + opened + "）");
    }
    in.refuseIfAnyProblem();
    records.resolved(caseKey, resolved);
    task.setVariable("resolvedDate", resolved.toString());
  }

  /** The village clerk of this case's village confirms; not satisfied sends it back to the team with the comment. */
  private void confirm(DelegateTask task, StepInput in, String actor) {
    actors.requireMember(in, actor, (String) task.getVariable(VILLAGE_CLERK_GROUP), "本村村务工作者");
    if (task.getVariable("householdSatisfied") == null) {
      in.problem("请选择群众是否满意（householdSatisfied）");
    }
    boolean satisfied = in.flag("householdSatisfied");
    String comment = in.optionalText("comment", "意见", 1000);
    if (!satisfied && comment == null) {
      in.problem("群众不满意时须填写意见（comment），退回工作队重办");
    }
    in.refuseIfAnyProblem();
    String caseKey = (String) task.getVariable(CASE_KEY);
    task.setVariable("householdSatisfied", satisfied);
    if (!satisfied) {
      records.reopened(caseKey);
      task.setVariable(COMPLAINT, comment);
      task.getExecution().removeVariables(List.of("actionsTaken", "resolvedDate"));
      events.append(new CaseEventLog.Entry(task.getProcessInstanceId(), caseKey, CaseEventType.SEND_BACK,
          "HOUSEHOLD_SATISFIED", CONFIRM_SATISFACTION, "群众不满意，退回重办：" + comment, null, BusinessCalendar.today(),
          actor));
    }
    task.getExecution().removeVariable("comment");
  }
}
