package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;

/** One task being completed: what was submitted, what the case already knows, and what to record. */
final class Step {

  final DelegateTask task;
  final StepInput in;
  final String actor;
  private final CaseEventLog events;

  Step(DelegateTask task, String actor, CaseEventLog events) {
    this.task = task;
    this.in = new StepInput(task);
    this.actor = actor;
    this.events = events;
  }

  RuleSet ruleSet() {
    return RuleSet.fromKey((String) task.getVariable(RULE_SET));
  }

  long memberId() {
    return ((Number) task.getVariable(MEMBER_ID)).longValue();
  }

  String caseNumber() {
    return (String) task.getVariable(CASE_NUMBER);
  }

  /** A date the case recorded at an earlier step (always valid, it passed that step's checks). */
  LocalDate known(String key) {
    Object value = task.getVariable(key);
    return value == null ? null : LocalDate.parse(value.toString());
  }

  int count(String key) {
    Object value = task.getVariable(key);
    return value == null ? 0 : ((Number) value).intValue();
  }

  void set(String key, Object value) {
    task.setVariable(key, value);
  }

  void setDate(String key, LocalDate date) {
    task.setVariable(key, date.toString());
  }

  void setInstant(String key, Date instant) {
    task.setVariable(key, instant);
  }

  /** "X must not be before Y": adds the problem when both dates are there and X is earlier. */
  void notBefore(LocalDate date, String label, LocalDate earliest, String earliestLabel) {
    if (date != null && earliest != null && date.isBefore(earliest)) {
      in.problem(label + "（" + date + "）不能早于" + earliestLabel + "（" + earliest + "）");
    }
  }

  String reasonRequired(String when) {
    String reason = in.optionalText(DECISION_REASON, "理由", 500);
    if (reason == null) {
      in.problem(when + "时须填写理由（" + DECISION_REASON + "）");
    }
    return reason;
  }

  void sendBack(String reason) {
    set(SEND_BACK_REASON, reason);
    record(CaseEventType.SEND_BACK, null, reason, null, BusinessCalendar.today());
  }

  void endCase(String reason) {
    set(END_REASON, reason);
  }

  void violation(String ruleCode, String description, LocalDate due, LocalDate actual) {
    record(CaseEventType.VIOLATION, ruleCode, description, due, actual);
  }

  void record(CaseEventType type, String ruleCode, String description, LocalDate due, LocalDate actual) {
    events.append(new CaseEventLog.Entry(task.getProcessInstanceId(), caseNumber(), type, ruleCode,
        task.getTaskDefinitionKey(), description, due, actual, actor));
  }
}
