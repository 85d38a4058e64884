package org.dangjian.flow.villagehelp;

import static org.dangjian.flow.villagehelp.VillageHelp.Vars.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar of an assignment: the next monthly report and annual assessment, computed as the loop
 * enters its wait (timer expressions are evaluated before a timer's own listeners run), the overdue visit
 * and the end of the term.
 */
@Configuration
class AssignmentSchedules {

  private final VillageHelpRecords records;
  private final CaseEventLog events;

  AssignmentSchedules(VillageHelpRecords records, CaseEventLog events) {
    this.records = records;
    this.events = events;
  }

  static Term termOf(VariableScope scope) {
    return new Term(LocalDate.parse((String) scope.getVariable("termStart")),
        LocalDate.parse((String) scope.getVariable("termEnd")));
  }

  static int count(VariableScope scope, String key) {
    Object value = scope.getVariable(key);
    return value == null ? 0 : ((Number) value).intValue();
  }

  /** Step 3: each calendar month of the term gets its report when the month (or the term) is over. */
  @Bean
  ExecutionListener monthlyReportScheduled() {
    return execution -> {
      List<Term.ReportMonth> months = termOf(execution).reportMonths();
      int done = count(execution, REPORTS_DONE);
      boolean pending = done < months.size();
      execution.setVariable(REPORT_PENDING, pending);
      if (pending) {
        Term.ReportMonth month = months.get(done);
        execution.setVariable("reportMonth", month.label());
        execution.setVariable("reportMonthFrom", month.from().toString());
        execution.setVariable("reportMonthTo", month.to().toString());
        execution.setVariable("reportRequiredDays", month.requiredDays());
        execution.setVariable("reportOpensAt", BusinessCalendar.startOf(month.opensOn()));
        execution.setVariable("reportDueAt", BusinessCalendar.endOf(month.dueOn()));
      }
    };
  }

  /** Step 4: each year of the term is assessed once its last month's report has had time to come in. */
  @Bean
  ExecutionListener annualAssessmentScheduled() {
    return execution -> {
      List<Term.TermYear> years = termOf(execution).years();
      int done = count(execution, YEARS_DONE);
      boolean pending = done < years.size();
      execution.setVariable(ASSESSMENT_PENDING, pending);
      if (pending) {
        Term.TermYear year = years.get(done);
        execution.setVariable(TERM_YEAR, year.number());
        execution.setVariable("termYearFrom", year.from().toString());
        execution.setVariable("termYearTo", year.to().toString());
        execution.setVariable("assessmentOpensAt", BusinessCalendar.startOf(year.assessmentOpensOn()));
      }
    };
  }

  /** Shows the committee the year's unexcused absences and the best grade they allow. */
  @Bean
  TaskListener annualAssessmentOpened() {
    return task -> {
      int absences = records.absences((String) task.getVariable(ASSIGNMENT_KEY), count(task, TERM_YEAR));
      task.setVariable("yearAbsences", absences);
      task.setVariable("bestAllowedGrade", AbsenceRule.bestAllowed(absences).title);
    };
  }

  /** Step 2 not done by the deadline: a violation on record, the committee told; the visit stays open. */
  @Bean
  JavaDelegate visitOverdueEscalation() {
    return execution -> {
      LocalDate deadline = LocalDate.parse((String) execution.getVariable("visitDeadline"));
      record(execution, CaseEventType.VIOLATION, "UNIT_HEAD_VISIT_DEADLINE",
          "帮包单位一把手（" + execution.getVariable("unitHeadUserId") + "）未在 " + deadline + " 前到村走访", deadline);
      record(execution, CaseEventType.ESCALATION, "UNIT_HEAD_VISIT_DEADLINE",
          "已报告" + execution.getVariable(COMMITTEE_NAME) + "：请督促" + execution.getVariable(HELP_UNIT_NAME)
              + "一把手尽快到村走访", deadline);
      execution.setVariable("visitOverdueRecorded", true);
    };
  }

  @Bean
  ExecutionListener villageAssignmentEnded() {
    return execution -> records.ended((String) execution.getVariable(ASSIGNMENT_KEY), BusinessCalendar.today());
  }

  private void record(DelegateExecution execution, CaseEventType type, String rule, String text, LocalDate due) {
    events.append(new CaseEventLog.Entry(execution.getProcessInstanceId(),
        (String) execution.getVariable(ASSIGNMENT_KEY), type, rule, execution.getCurrentActivityId(), text, due,
        BusinessCalendar.today(), null));
  }
}
