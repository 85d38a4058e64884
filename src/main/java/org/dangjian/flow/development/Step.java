package org.dangjian.flow.development;

import static org.dangjian.flow.development.MemberDevelopment.Vars.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.dangjian.flow.audit.CaseEventLog;
import org.dangjian.flow.audit.CaseEventType;
import org.dangjian.flow.system.BusinessCalendar;
import org.dangjian.flow.system.StepInput;
import org.camunda.spin.plugin.variable.SpinValues;

/** One task being completed: what was submitted, what the case already knows, and what to record. */
final class Step {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The revision of the model the case runs on (the process property {@code modelRevision}): a case keeps the
   * process version it was started under, and the rules its forms were made for. 1: before the committee's
   * collective vote at 17/24 and its approval of every resolution of step 23 (细则 Art. 24, 32); 2: with them.
   */
  int modelRevision() {
    return MemberDevelopment.modelRevision(task.getExecution().getBpmnModelInstance());
  }

  boolean committeeDecidesResolutions() {
    return modelRevision() >= 2;
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

  /** The dates this step submits, as {@link Chronology} lists them (one not readable as a date is left out). */
  Map<String, LocalDate> submittedDates() {
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    Chronology.StepDates table = Chronology.TABLE.get(task.getTaskDefinitionKey());
    if (table != null) {
      table.fields().forEach(f -> dates.put(f.key(), Chronology.parse(task.getVariable(f.key()))));
    }
    return dates;
  }

  /** The case's record of dates so far; for a case started before it was kept, what its variables still say. */
  Map<String, Map<String, LocalDate>> recordedDates() {
    Map<String, Map<String, LocalDate>> recorded = Chronology.fromVariables(task.getTaskDefinitionKey(),
        key -> Chronology.parse(task.getVariable(key)));
    Object raw = task.getVariable(Chronology.RECORDED);
    if (raw == null) {
      return recorded;
    }
    try {
      JSON.readTree(raw.toString()).fields().forEachRemaining(step -> {
        Map<String, LocalDate> fields = new LinkedHashMap<>();
        step.getValue().fields().forEachRemaining(f -> fields.put(f.getKey(), LocalDate.parse(f.getValue().asText())));
        recorded.put(step.getKey(), fields);
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case variable " + Chronology.RECORDED + " is not JSON", e);
    }
    return recorded;
  }

  void recordDates(Map<String, Map<String, LocalDate>> recorded) {
    ObjectNode json = JSON.createObjectNode();
    recorded.forEach((step, fields) -> {
      ObjectNode node = json.putObject(step);
      fields.forEach((key, date) -> node.put(key, date.toString()));
    });
    if (!json.equals(readJson(task.getVariable(Chronology.RECORDED)))) {
      set(Chronology.RECORDED, SpinValues.jsonValue(json.toString()).create());
    }
  }

  private static JsonNode readJson(Object raw) {
    try {
      return raw == null ? null : JSON.readTree(raw.toString());
    } catch (JsonProcessingException e) {
      return null;
    }
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
