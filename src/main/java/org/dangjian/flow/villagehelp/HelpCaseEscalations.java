package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A help case past its target date: first the first secretary takes it over, a week on the committee is told. */
@Configuration
class HelpCaseEscalations {

  private final VillageHelpRecords records;
  private final CaseEventLog events;

  HelpCaseEscalations(VillageHelpRecords records, CaseEventLog events) {
    this.records = records;
    this.events = events;
  }

  @Bean
  JavaDelegate helpCaseEscalatedToFirstSecretary() {
    return execution -> {
      String caseKey = (String) execution.getVariable(CASE_KEY);
      VillageHelpRecords.HelpCase helpCase = records.helpCase(caseKey).orElseThrow();
      String firstSecretary = records.assignment(helpCase.assignmentKey()).orElseThrow().firstSecretaryId();
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(VillageHelp.Tasks.RESOLVE_HELP_CASE).listPage(0, 100)) { // bounded: query-max-results-limit
        tasks.setAssignee(open.getId(), firstSecretary);
      }
      records.escalated(caseKey, 1);
      execution.setVariable(ESCALATION_LEVEL, 1);
      record(execution, "已过目标日期仍未解决：转第一书记（" + firstSecretary + "）督办", helpCase.targetDate());
    };
  }

  @Bean
  JavaDelegate helpCaseEscalatedToCommittee() {
    return execution -> {
      String caseKey = (String) execution.getVariable(CASE_KEY);
      VillageHelpRecords.HelpCase helpCase = records.helpCase(caseKey).orElseThrow();
      records.escalated(caseKey, 2);
      execution.setVariable(ESCALATION_LEVEL, 2);
      record(execution, "逾期" + HelpCaseOpened.COMMITTEE_AFTER_DAYS + "日仍未解决：已报告"
          + execution.getVariable(COMMITTEE_NAME), helpCase.targetDate());
    };
  }

  @Bean
  ExecutionListener helpCaseClosed() {
    return execution -> records.closed((String) execution.getVariable(CASE_KEY), BusinessCalendar.today());
  }

  private void record(DelegateExecution execution, String text, LocalDate due) {
    events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(), (String) execution.getVariable(CASE_KEY),
        CaseEventType.ESCALATION, "HELP_CASE_TARGET_DATE", execution.getCurrentActivityId(), text, due,
        BusinessCalendar.today(), null));
  }
}
